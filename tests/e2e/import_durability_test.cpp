// End-to-end: an import writes its contacts durably with a handful of syncs,
// not two a contact (5,000 LinkedIn connections took tens of seconds).
#include <string>

#include "e2e/reliability.h"

namespace kith::test::import_durability_test {
namespace {

int count_calls(const std::string& trace, const std::string& name) {
  int n = 0;
  std::size_t at = 0;
  while ((at = trace.find(name + "(", at)) != std::string::npos) {
    if (at == 0 || trace[at - 1] == '\n' || trace[at - 1] == ' ') ++n;
    at += name.size();
  }
  return n;
}

TEST(ImportDurability, ManyContactsAreWrittenWithOneFileSystemSyncAndNoSyncPerFile) {
  KITH_REQUIRE_STRACE();
  TempDir tmp;
  std::string csv = "name,email\n";
  for (int i = 0; i < 200; ++i) {
    csv += "Person " + std::to_string(i) + ",p" + std::to_string(i) + "@x.example\n";
  }
  write_file(tmp / "people.csv", csv);
  Kith kith{tmp / "data"};
  kith.today("2026-11-25");
  const fs::path trace = tmp / "trace";
  auto r = under_strace(kith, {"-f", "-o", trace.string(), "-e", "trace=fsync,fdatasync,syncfs"})
               .run({"import", "csv", (tmp / "people.csv").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string t = read_file(trace);
  EXPECT_EQ(count_calls(t, "syncfs"), 1) << t;
  EXPECT_LT(count_calls(t, "fsync") + count_calls(t, "fdatasync"), 10) << t;
  int files = 0;
  for (const auto& e : fs::directory_iterator(tmp / "data" / "contacts")) {
    files += e.path().extension() == ".json" ? 1 : 0;
  }
  EXPECT_EQ(files, 200);
}

}  // namespace
}  // namespace kith::test::import_durability_test
