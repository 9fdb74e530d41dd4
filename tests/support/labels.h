// How table-driven tests name their cases: a case struct with a `label`
// member prints as that label in failure messages (operator<<) and gives its
// label as the test's name (LabelName, for INSTANTIATE_TEST_SUITE_P).
// GoogleTest finds the printer by argument-dependent lookup, so a test file
// brings it into the namespace of its cases:
//   namespace kith { namespace { using test::operator<<; ... } }
#pragma once

#include <ostream>
#include <string>

namespace kith::test {

template <class Case>
auto operator<<(std::ostream& os, const Case& c) -> decltype(c.label, os) {
  return os << c.label;
}

struct LabelName {
  template <class ParamInfo>
  std::string operator()(const ParamInfo& info) const {
    return std::string(info.param.label);
  }
};

}  // namespace kith::test
