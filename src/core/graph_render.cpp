#include "core/graph_render.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace kith::graph_render {

std::string_view to_string(ImageFormat format) {
  return format == ImageFormat::png ? "png" : "svg";
}

namespace {

// What Graphviz reported during one render: its error reporting is a
// callback without a user pointer, so the messages go here.
std::string& graph_render_messages() {
  static std::string messages;
  return messages;
}

int graph_render_collect(char* message) {
  std::string& messages = graph_render_messages();
  std::string_view text(message);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  if (text.empty()) return 0;
  if (!messages.empty()) messages += "; ";
  messages += text;
  return 0;
}

std::string graph_render_why() {
  const std::string& messages = graph_render_messages();
  return messages.empty() ? std::string() : ": " + messages;
}

// One Graphviz context for the whole process, never freed. Graphviz 2.42's
// pango plugin keeps a pointer to the last font name it measured, which the
// context's font dictionary owns: a render with a new context after the
// first one was freed would read freed memory (AddressSanitizer shows it on
// the second render). kith renders once per run; the tests render many times.
GVC_t* graph_render_context() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

constexpr const char* kGraphRenderPackage =
    "Graphviz's plugins come with the Debian package libgvc6 (sudo apt-get install libgvc6)";

}  // namespace

Result<std::string> render(std::string_view dot, ImageFormat format) {
  graph_render_messages().clear();
  // Warnings are kept by Graphviz (aglasterr), errors come to the callback:
  // nothing is printed on stderr.
  agseterr(AGERR);
  agseterrf(graph_render_collect);
  GVC_t* const gvc = graph_render_context();
  if (!gvc) return io_error("cannot start Graphviz" + graph_render_why());
  const std::string text(dot);
  Agraph_t* g = agmemread(text.c_str());
  if (!g) return io_error("Graphviz cannot read the graph" + graph_render_why());
  std::string engine = "sfdp";
  if (const char* layout = agget(g, const_cast<char*>("layout")); layout && *layout) {
    engine = layout;
  }
  if (gvLayout(gvc, g, engine.c_str()) != 0) {
    agclose(g);
    return io_error("Graphviz cannot lay the graph out with " + engine + graph_render_why(),
                    kGraphRenderPackage);
  }
  char* data = nullptr;
  unsigned int length = 0;
  const std::string name(to_string(format));
  const int rendered = gvRenderData(gvc, g, name.c_str(), &data, &length);
  std::string out;
  if (rendered == 0 && data) out.assign(data, length);
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  agclose(g);
  if (rendered != 0 || out.empty()) {
    return io_error("Graphviz cannot draw " + name + graph_render_why(), kGraphRenderPackage);
  }
  return out;
}

}  // namespace kith::graph_render

// Under AddressSanitizer (scripts/check, the fuzz build): Graphviz 2.42 and
// the pango, cairo and fontconfig it draws with keep memory to the end of
// the process that they never free (valgrind shows it on any render), which
// LeakSanitizer would report as kith's. Only allocations made under these
// libraries are left out of the leak report.
#if defined(__SANITIZE_ADDRESS__)
#define KITH_GRAPH_RENDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KITH_GRAPH_RENDER_ASAN 1
#endif
#endif
#ifdef KITH_GRAPH_RENDER_ASAN
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\n"
         "leak:libcgraph.so\n"
         "leak:libgvplugin_\n"
         "leak:libpango\n"
         "leak:libcairo.so\n"
         "leak:libfontconfig.so\n";
}
#endif
