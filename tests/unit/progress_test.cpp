#include "cli/progress.h"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace kith::cli::progress_test {
namespace {

TEST(ProgressRender, ShowsABarThePercentageAndTheCount) {
  EXPECT_EQ(Progress::render("importing", 0, 10),
            "kith: importing [....................]   0%  0/10");
  EXPECT_EQ(Progress::render("importing", 5, 10),
            "kith: importing [##########..........]  50%  5/10");
  EXPECT_EQ(Progress::render("importing", 10, 10),
            "kith: importing [####################] 100%  10/10");
  EXPECT_EQ(Progress::render("x", 12, 10), "kith: x [####################] 100%  10/10");
}

TEST(Progress, DrawsOnlyWhenThePercentageChangesAndClearsTheLine) {
  std::ostringstream err;
  {
    Progress p(err, "importing", 1000, true);
    for (int i = 0; i < 1000; ++i) p.step();
  }
  const std::string s = err.str();
  std::size_t redraws = 0;
  for (char ch : s) redraws += ch == '\r';
  EXPECT_EQ(redraws, 102u);  // 0% .. 100%, then the clearing "\r"
  EXPECT_TRUE(s.ends_with("\r\x1b[K"));
}

TEST(Progress, DrawsNothingWhenDisabled) {
  std::ostringstream err;
  {
    Progress p(err, "importing", 1000, false);
    for (int i = 0; i < 1000; ++i) p.step();
  }
  EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace kith::cli::progress_test
