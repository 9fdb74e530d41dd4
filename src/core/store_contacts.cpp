// The Store's reading of contacts/ through the read cache (see cache.h):
// each file's cached record is used while the file keeps its stamp, and the
// names are not listed again while the directory keeps its own.
#include <cerrno>
#include <cstring>
#include <deque>
#include <type_traits>

#include <sys/stat.h>

#include "core/cache.h"
#include "core/layout.h"
#include "core/store.h"
#include "core/store_files.h"
#include "core/transliterate.h"

namespace kith {
namespace {

using store_files::DirHandle;
using store_files::read_stamped;

// What Store::load_contact_heads keeps of a contact.
ContactHead head_of(Contact&& c) {
  return ContactHead{std::move(c.id), std::move(c.name), std::move(c.emails), std::move(c.aliases)};
}

// A cached record as Store::load_contacts (Record = Contact) or
// Store::load_contact_heads (Record = ContactHead) return it.
template <class Record>
std::optional<Record> decode_record(std::string_view record) {
  if constexpr (std::is_same_v<Record, Contact>) {
    return cache::decode_contact(record);
  } else {
    return cache::decode_contact_head(record);
  }
}

// A contact parsed from its file, as Record.
template <class Record>
Record record_of(Contact&& c) {
  if constexpr (std::is_same_v<Record, Contact>) {
    return std::move(c);
  } else {
    return head_of(std::move(c));
  }
}

}  // namespace

Result<std::vector<Contact>> Store::load_contacts(std::vector<std::string>* latin,
                                                  std::vector<Unreadable>* unreadable) const {
  if (!cache_dir_.empty()) return load_contacts_cached<Contact>(latin, unreadable);
  auto contacts = load_contacts_uncached(unreadable);
  if (contacts && latin) {
    latin->clear();
    for (const auto& c : *contacts) latin->push_back(text::latin_key(c.name, *transliterator_));
  }
  return contacts;
}

Result<std::vector<ContactHead>> Store::load_contact_heads(
    std::vector<Unreadable>* unreadable) const {
  if (cache_dir_.empty()) {
    auto contacts = load_contacts_uncached(unreadable);
    if (!contacts) return contacts.error();
    std::vector<ContactHead> heads;
    heads.reserve(contacts->size());
    for (auto& c : *contacts) heads.push_back(head_of(std::move(c)));
    return heads;
  }
  return load_contacts_cached<ContactHead>(nullptr, unreadable);
}

template <class Record>
Result<std::vector<Record>> Store::load_contacts_cached(std::vector<std::string>* latin,
                                                        std::vector<Unreadable>* unreadable) const {
  if (latin) latin->clear();
  const fs::path dir = dir_ / layout::kContactsDir;
  const DirHandle handle(dir);
  if (handle.fd() < 0) {
    if (handle.error() == ENOENT) return std::vector<Record>();
    return io_error("cannot read directory " + dir.string() + ": " + std::strerror(handle.error()));
  }
  // The directory's stamp before its names are read: any entry added,
  // removed or renamed after this changes it.
  struct stat dir_st {};
  if (::fstat(handle.fd(), &dir_st) != 0) {
    return io_error("cannot read directory " + dir.string() + ": " + std::strerror(errno));
  }
  const cache::FileStamp dir_stamp = cache::stamp_of(dir_st);
  const fs::path cache_file = cache_dir_ / "contacts";
  const auto cached = cache::ContactsCache::read(cache_file, abs_dir_);
  static const std::vector<cache::ContactsCache::Entry> kNone;
  const auto& entries = cached ? cached->entries() : kNone;

  // The names of the files, in id order as the cache keeps them (no sort
  // of the contacts after). The cache's own when contacts/ still has the
  // settled stamp it had when they were all its files (see
  // ContactsCache::dir_stamp): then it has the same entries, and reading
  // them again would only cost time.
  std::vector<std::string_view> names;
  std::vector<std::string> listed;
  const bool same_names = cached && cached->dir_stamp() == dir_stamp;
  if (same_names) {
    names.reserve(entries.size());
    for (const auto& e : entries) names.push_back(e.file);
  } else {
    bool saw_temp = false;
    auto read = handle.names(dir, layout::kContactSuffix, &saw_temp, cache::file_order);
    if (!read) return read.error();
    listed = std::move(*read);
    // Found clean: the next writer need not list contacts/ again to remove
    // temp files (see lock_for_write).
    if (!saw_temp && cache::is_settled(dir_stamp, cache_.now)) {
      store_files::note_swept(cache_dir_ / "swept", dir_stamp);
    }
    names.assign(listed.begin(), listed.end());
  }

  // Match each name with its entry, then stat every matched file at once.
  std::vector<const cache::ContactsCache::Entry*> entry_of(names.size(), nullptr);
  std::vector<std::string_view> to_stat;
  to_stat.reserve(names.size());
  bool changed = !cached;
  auto entry = entries.begin();
  for (std::size_t i = 0; i < names.size(); ++i) {
    // Entries before this file are files that are gone.
    while (entry != entries.end() && entry->file != names[i] &&
           cache::file_order(entry->file, names[i])) {
      changed = true;
      ++entry;
    }
    if (entry != entries.end() && entry->file == names[i]) {
      entry_of[i] = &*entry++;
      to_stat.push_back(names[i]);
    }
  }
  if (entry != entries.end()) changed = true;
  const auto stamps = store_files::stamps_of(handle.fd(), to_stat);

  std::vector<Record> contacts;
  contacts.reserve(names.size());
  // What the cache will hold, written only when it differs from what it holds.
  struct Keep {
    std::string_view file;
    cache::FileStamp stamp;
    std::string_view record;
    std::string_view latin;
  };
  std::vector<Keep> keep;
  keep.reserve(names.size());
  std::deque<std::string> encoded;  // records (and latin keys) of the files parsed now
  std::size_t stamped = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string_view name = names[i];
    if (const auto* e = entry_of[i]) {
      const auto& stamp = stamps[stamped++];
      if (stamp && e->stamp == *stamp) {
        if (auto contact = decode_record<Record>(e->record)) {
          contacts.push_back(std::move(*contact));
          keep.push_back({name, e->stamp, e->record, e->latin});
          if (latin) latin->emplace_back(e->latin);
          continue;
        }
      }
    }
    const std::string file(name);
    const std::string_view id = *layout::contact_id_of(name);
    const std::string where = std::string(layout::kContactsDir) + "/" + file;
    // A file left out is not cached: it is read again, and parsed anew
    // once it changes.
    auto leave_out = [&](const Error& e) {
      if (entry_of[i]) changed = true;
      unreadable->push_back({Unreadable::What::contact, where, std::string(id), e});
    };
    auto text = read_stamped(handle.fd(), file, dir / file);
    if (!text && unreadable) {
      leave_out(text.error());
      continue;
    }
    if (!text) return text.error();
    if (!text->has_value()) continue;  // removed meanwhile
    auto contact = parse_contact_file((*text)->text, id, where);
    if (!contact && unreadable) {
      leave_out(contact.error());
      continue;
    }
    if (!contact) return contact.error();
    const bool settled = cache::is_settled((*text)->stamp, cache_.now);
    std::string key;
    if (settled || latin) key = kith::text::latin_key(contact->name, *transliterator_);
    if (latin) latin->push_back(key);
    if (settled) {
      changed = true;
      const std::string_view record = encoded.emplace_back(cache::encode_contact(*contact));
      keep.push_back({name, (*text)->stamp, record, encoded.emplace_back(std::move(key))});
    }
    contacts.push_back(record_of<Record>(std::move(*contact)));
  }
  // The directory's stamp goes with the entries when they are all its files.
  std::optional<cache::FileStamp> complete;
  if (keep.size() == names.size() && cache::is_settled(dir_stamp, cache_.now)) {
    complete = dir_stamp;
  }
  if (cached && cached->dir_stamp() != complete) changed = true;
  if (changed) {
    cache::ContactsCacheWriter writer;
    for (const auto& k : keep) writer.add(k.file, k.stamp, k.record, k.latin);
    cache::write_cache_file(cache_file, writer.finish(abs_dir_, complete));
  }
  return contacts;
}

}  // namespace kith
