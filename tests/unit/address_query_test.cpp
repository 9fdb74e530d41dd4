#include "core/address_query.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kith::address_query_test {
namespace {

using Strings = std::vector<std::string>;

Contact person(std::string id, std::string name, Strings emails = {}) {
  Contact c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.emails = std::move(emails);
  return c;
}

// "email name extra" of each line.
Strings lines_of(const AddressQuery& q) {
  Strings out;
  for (const auto& l : q.lines) out.push_back(l.email + " | " + l.name + " | " + l.extra);
  return out;
}

Strings query(const std::vector<Contact>& contacts, std::string_view text,
              const Strings& latin = {}, bool all = false) {
  return lines_of(query_addresses(contacts, latin, text, all));
}

TEST(QueryAddresses, FindsByNameIdEmailOrCompanyIgnoringCaseAndAccents) {
  Contact jose = person("jose-nunez", "José Núñez", {"jn@paywell.example"});
  jose.company = "Paywell";
  Contact ana = person("ana", "Ana Lima", {"ana.lima@acme.example"});
  Contact zed = person("z-ed", "Zed", {"zed@Ñandú.example"});
  const std::vector<Contact> all{jose, ana, zed};
  EXPECT_EQ(query(all, "NÚÑ"), (Strings{"jn@paywell.example | José Núñez | Paywell"}));
  EXPECT_EQ(query(all, "nunez"), query(all, "NÚÑ"));
  EXPECT_EQ(query(all, "jose-n"), query(all, "NÚÑ"));  // the id
  EXPECT_EQ(query(all, "payw"), query(all, "NÚÑ"));    // the company and an email
  EXPECT_EQ(query(all, "lima@ACME"), (Strings{"ana.lima@acme.example | Ana Lima | "}));
  EXPECT_EQ(query(all, "nandu"), (Strings{"zed@Ñandú.example | Zed | "}));
  EXPECT_EQ(query(all, "  ana  "), query(all, "ana"));  // spaces around do not count
  EXPECT_TRUE(query(all, "nobody").empty());
}

TEST(QueryAddresses, FindsByTheTransliteratedName) {
  const std::vector<Contact> all{person("dmitrii-petrov", "Дмитрий Петров", {"dp@x.example"}),
                                 person("li-lei", "李雷", {"li@x.example"})};
  const Strings latin{"dmitrii petrov", "li lei"};
  EXPECT_EQ(query(all, "petrov", latin), (Strings{"dp@x.example | Дмитрий Петров | "}));
  EXPECT_EQ(query(all, "Петр", latin), query(all, "petrov", latin));
  EXPECT_EQ(query(all, "lei", latin), (Strings{"li@x.example | 李雷 | "}));
  // Without the transliteration, only the id finds them.
  EXPECT_EQ(query(all, "dmitrii"), query(all, "petrov", latin));
  EXPECT_EQ(query(all, "lei"), query(all, "lei", latin));  // the id li-lei
  EXPECT_TRUE(query(all, "dmitrii petrov").empty());
  EXPECT_FALSE(query(all, "dmitrii petrov", latin).empty());
}

TEST(QueryAddresses, NamesStartingWithTheTextComeFirstThenByName) {
  const std::vector<Contact> all{
      person("zoe", "Zoë Anders", {"zoe@x.example"}), person("bob", "Bob", {"anna@bob.example"}),
      person("anne", "Anne Ross", {"anne@x.example"}), person("ann", "Ann Ross", {"ann@x.example"}),
      person("dan", "Dan Ansel", {"dan@x.example"})};
  EXPECT_EQ(query(all, "an"),
            (Strings{"ann@x.example | Ann Ross | ", "anne@x.example | Anne Ross | ",
                     "anna@bob.example | Bob | ", "dan@x.example | Dan Ansel | ",
                     "zoe@x.example | Zoë Anders | "}));
}

TEST(QueryAddresses, EveryAddressIsALineThePrimaryFirst) {
  Contact ada = person("ada", "Ada", {"ada@work.example", " ", "ada@home.example "});
  ada.role = "Engineer";
  EXPECT_EQ(query({ada}, "ada"),
            (Strings{"ada@work.example | Ada | Engineer", "ada@home.example | Ada | Engineer"}));
  ada.company = "Acme";
  EXPECT_EQ(query({ada}, "ada")[0], "ada@work.example | Ada | Acme");
}

TEST(QueryAddresses, ArchivedContactsOnlyWhenAskedAndNoAddressNoLine) {
  Contact old = person("ada-old", "Ada Old", {"old@x.example"});
  old.archived = true;
  const std::vector<Contact> all{old, person("ada", "Ada"), person("ada-b", "Ada B", {"b@x"})};
  const AddressQuery q = query_addresses(all, {}, "ada", false);
  EXPECT_EQ(lines_of(q), (Strings{"b@x | Ada B | "}));
  EXPECT_EQ(q.contacts, 2u);
  EXPECT_EQ(q.contacts_without_email, 1u);
  EXPECT_EQ(query(all, "ada", {}, true), (Strings{"b@x | Ada B | ", "old@x.example | Ada Old | "}));
}

TEST(QueryAddresses, AnEmptyTextFindsEveryone) {
  const std::vector<Contact> all{person("b", "B", {"b@x"}), person("a", "A", {"a@x"})};
  EXPECT_EQ(query(all, ""), (Strings{"a@x | A | ", "b@x | B | "}));
  EXPECT_EQ(query(all, "   "), query(all, ""));
}

}  // namespace
}  // namespace kith::address_query_test
