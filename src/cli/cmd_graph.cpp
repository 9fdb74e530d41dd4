// kith graph [--format dot|svg|png] [-o FILE] [--tag T]... [--since DATE]
// [--cluster tag|company]: the picture of your network. DOT text needs no
// Graphviz; SVG and PNG are laid out and drawn by Graphviz's libraries.
#include <algorithm>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/fsutil.h"
#include "core/graph.h"
#include "core/graph_render.h"

namespace kith::cli {
namespace {

struct GraphCliOptions {
  std::optional<std::string> format;
  std::string output;  // empty or "-": standard output
  std::vector<std::string> tags;
  std::optional<std::string> since;
  std::optional<std::string> cluster;
};

enum class GraphFormat { dot, svg, png };

std::optional<GraphFormat> graph_format_named(std::string_view name) {
  if (name == "dot") return GraphFormat::dot;
  if (name == "svg") return GraphFormat::svg;
  if (name == "png") return GraphFormat::png;
  return std::nullopt;
}

std::string_view graph_format_name(GraphFormat f) {
  return f == GraphFormat::dot ? "dot" : f == GraphFormat::svg ? "svg" : "png";
}

// The format a file name's extension says (case aside): .dot and .gv, .svg,
// .png; nullopt for any other.
std::optional<GraphFormat> graph_format_of_file(const std::string& file) {
  std::string ext = fs::path(file).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (ext == ".dot" || ext == ".gv") return GraphFormat::dot;
  if (ext == ".svg") return GraphFormat::svg;
  if (ext == ".png") return GraphFormat::png;
  return std::nullopt;
}

// The format: --format, else the extension of -o FILE, else DOT. Both given
// must agree; a file whose extension says nothing needs --format.
Result<GraphFormat> graph_format(const GraphCliOptions& o, bool to_stdout) {
  std::optional<GraphFormat> named;
  if (o.format) {
    named = graph_format_named(*o.format);
    if (!named) {
      return usage_error("bad --format '" + clean(*o.format) + "'", "use dot, svg or png");
    }
  }
  if (to_stdout) return named.value_or(GraphFormat::dot);
  const std::optional<GraphFormat> by_name = graph_format_of_file(o.output);
  if (named && by_name && *named != *by_name) {
    return usage_error(
        "--format " + std::string(graph_format_name(*named)) + " but " + clean(o.output) +
            " is named like a " + std::string(graph_format_name(*by_name)) + " file",
        "drop --format, or name the file ." + std::string(graph_format_name(*named)));
  }
  if (named) return *named;
  if (!by_name) {
    return usage_error("cannot tell the format of " + clean(o.output) + " from its name",
                       "name it .svg, .png or .dot, or say --format svg|png|dot");
  }
  return *by_name;
}

int run_graph(const GraphCliOptions& o, Context& ctx) {
  // Everything the command line says is checked before any file is read.
  const bool to_stdout = o.output.empty() || o.output == "-";
  auto format = graph_format(o, to_stdout);
  if (!format) return ctx.fail(format.error());
  if (*format == GraphFormat::png && to_stdout && ctx.env().stdout_is_tty) {
    return ctx.fail(usage_error("will not write a PNG image to the terminal",
                                "write it to a file: kith graph -o graph.png"));
  }
  GraphOptions options;
  options.tags = o.tags;
  if (o.cluster) {
    auto cluster = parse_graph_cluster(*o.cluster);
    if (!cluster) {
      return ctx.fail(
          usage_error("bad --cluster '" + clean(*o.cluster) + "'", "use tag or company"));
    }
    options.cluster = *cluster;
  }
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  if (o.since) {
    auto since = parse_since(*o.since, *today);
    if (!since) {
      return ctx.fail(
          Error{ErrorKind::usage, "--since: " + since.error().message, since.error().hint});
    }
    options.since = *since;
  }

  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  // What cannot be read is left out of the picture and named at the end.
  auto network = store->load(Reading::around);
  if (!network) return ctx.fail(network.error());
  ctx.report(network->warnings);
  warn_unknown_tags(ctx.err, network->contacts, o.tags);

  const Graph graph = build_graph(*network, *today, options);
  std::string content = to_dot(graph);
  if (*format != GraphFormat::dot) {
    const auto image = *format == GraphFormat::svg ? graph_render::ImageFormat::svg
                                                   : graph_render::ImageFormat::png;
    auto rendered = graph_render::render(content, image);
    if (!rendered) return ctx.fail(rendered.error());
    content = std::move(*rendered);
  }

  if (to_stdout) {
    ctx.out << content;
    ctx.out.flush();
  } else {
    if (auto s = fsutil::write_file_atomic(fs::path(o.output), content); !s) {
      Error e = s.error();
      e.hint = "check that the directory of -o exists and is writable";
      return ctx.fail(e);
    }
    ctx.confirm("wrote the graph of " +
                plural(static_cast<long long>(graph.nodes.size()), "contact", "contacts") + " to " +
                clean(o.output));
  }
  if (network->contacts.empty() && network->unreadable.empty()) {
    ctx.confirm("no contacts yet, so only you are in the picture: `kith add NAME` adds one");
  }
  return ctx.served(network->unreadable);
}

}  // namespace

void setup_graph(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<GraphCliOptions>();
  sub.add_option("--format", o->format,
                 "dot (the default, text for Graphviz), svg or png; else from -o FILE's name")
      ->type_name("FORMAT:{dot,svg,png}");
  sub.add_option("-o,--output", o->output,
                 "Write to FILE (atomically, mode 0600), not stdout; .svg, .png or .dot")
      ->type_name("FILE");
  sub.add_option("--tag", o->tags, "Only contacts with this tag (repeatable: all must match)")
      ->type_name("T");
  sub.add_option("--since", o->since,
                 "Count only the interactions on or after DATE (a DURATION: that long ago)")
      ->type_name("DATE");
  sub.add_option("--cluster", o->cluster, "Group the contacts by their tag or their company")
      ->type_name("BY:{tag,company}");
  sub.callback([o, &ctx] { ctx.exit_code = run_graph(*o, ctx); });
}

}  // namespace kith::cli
