// The picture of `kith graph` laid out and drawn by Graphviz, used as a
// library (cgraph and gvc): the DOT text of core/graph.h read back, laid out
// by the engine its "layout" attribute names, and rendered to SVG or PNG in
// memory. The only file that includes Graphviz's headers (compiled out of
// the unity build); the `dot` program is never run.
//
// Graphviz loads its layout and render plugins at run time, from the
// plugins Debian's libgvc6 installs; a missing one is an io error that
// says which package to install.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kith::graph_render {

enum class ImageFormat { svg, png };

// "svg", "png": Graphviz's names of the formats.
std::string_view to_string(ImageFormat format);

// The image of the graph `dot` describes (DOT text, as to_dot writes it). An
// io error when Graphviz cannot read the text, has no such layout engine or
// renderer, or fails; the messages Graphviz gives are in it. Not safe to call
// from two threads at once (Graphviz's error reporting is global).
Result<std::string> render(std::string_view dot, ImageFormat format);

}  // namespace kith::graph_render
