#include "core/purge.h"

#include <algorithm>

namespace kith {
namespace {

bool names(const Interaction& i, std::string_view id) {
  return std::find(i.contacts.begin(), i.contacts.end(), id) != i.contacts.end();
}

}  // namespace

std::vector<date::year_month> months_naming(const std::vector<Interaction>& interactions,
                                            std::string_view id) {
  std::vector<date::year_month> months;
  for (const auto& i : interactions) {
    if (!names(i, id)) continue;
    const date::year_month_day ymd{i.date};
    months.push_back(ymd.year() / ymd.month());
  }
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  return months;
}

MonthPurge purge_from_month(std::vector<Interaction> interactions, std::string_view id) {
  MonthPurge out;
  for (auto& i : interactions) {
    if (!names(i, id)) {
      out.kept.push_back(std::move(i));
      continue;
    }
    std::erase(i.contacts, id);
    if (i.contacts.empty()) {
      ++out.deleted;
    } else {
      ++out.changed;
      out.kept.push_back(std::move(i));
    }
  }
  return out;
}

}  // namespace kith
