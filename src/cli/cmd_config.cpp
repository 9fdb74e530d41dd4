// kith config [KEY [VALUE]] [--unset KEY] [--json]: the settings kept in
// kith.json. No argument lists them all, KEY prints one, KEY VALUE sets it
// and --unset KEY puts it back to its default.
#include <algorithm>

#include "cli/commands.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/layout.h"
#include "core/settings.h"
#include "core/vocabulary.h"

namespace kith::cli {
namespace {

struct ConfigOptions {
  std::optional<std::string> key;
  std::optional<std::string> value;
  bool unset = false;
  bool json = false;
};

std::string as_text(const Json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

Status check_key(const std::string& key) {
  if (find_setting_key(key)) return {};
  return usage_error("unknown setting '" + clean(key) + "'",
                     "the settings are: " + setting_names());
}

int show(const ConfigOptions& o, Context& ctx) {
  if (o.key) {
    if (auto s = check_key(*o.key); !s) return ctx.fail(s.error());
  }
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto config = store->load_config();
  if (!config) return ctx.fail(config.error());
  auto settings = settings_of(*config, layout::kConfigFile);
  if (!settings) return ctx.fail(settings.error());

  if (o.key) {
    const Json value = setting_value(*settings, *o.key);
    if (o.json) {
      print_json(ctx.out, Json{{*o.key, value}});
    } else {
      ctx.out << as_text(value) << "\n";
    }
    return 0;
  }
  if (o.json) {
    Json all = Json::object();
    for (const auto& key : setting_keys()) {
      all[std::string(key.key)] = setting_value(*settings, key.key);
    }
    print_json(ctx.out, all);
    return 0;
  }
  const Style style(ctx.color());
  Table table;
  for (const auto& key : setting_keys()) {
    const bool stored = is_setting_stored(*config, key.key);
    table.add({{std::string(key.key), Tone::cyan},
               {as_text(setting_value(*settings, key.key)), Tone::bold},
               {stored ? "" : "(default)", Tone::dim},
               {std::string(key.summary), Tone::dim}});
  }
  table.print(ctx.out, style);
  return 0;
}

int change(const ConfigOptions& o, Context& ctx) {
  if (o.json) return ctx.fail(usage_error("--json only applies when reading settings"));
  if (!o.key)
    return ctx.fail(
        usage_error("--unset needs the name of a setting", "the settings are: " + setting_names()));
  if (auto s = check_key(*o.key); !s) return ctx.fail(s.error());
  if (o.unset && o.value) {
    return ctx.fail(usage_error("--unset takes a setting's name and no value",
                                "kith config --unset " + *o.key));
  }
  std::optional<Json> value;
  if (o.value) {
    auto parsed = parse_setting_value(*o.key, *o.value);
    if (!parsed) return ctx.fail(parsed.error());
    value = std::move(*parsed);
  }

  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto lock = store->lock_for_write(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  auto config = store->load_config();
  if (!config) return ctx.fail(config.error());
  const bool stored = is_setting_stored(*config, *o.key);
  const Json old_value = stored ? config->settings[*o.key] : Json(nullptr);
  if (value ? stored && old_value == *value : !stored) {
    ctx.confirm(*o.key + " is already " + (stored ? as_text(old_value) : "the default"));
    return 0;
  }
  auto updated = with_setting(*config, *o.key, value);
  if (!updated) return ctx.fail(updated.error());
  if (auto s = store->save_config(*updated); !s) return ctx.fail(s.error());
  commit_change(ctx, *store,
                value ? "config: " + *o.key + " " + as_text(*value) : "config: unset " + *o.key);
  auto settings = settings_of(*updated, layout::kConfigFile);
  const std::string now = settings ? as_text(setting_value(*settings, *o.key)) : "";
  ctx.confirm(value ? "set " + *o.key + " to " + now : *o.key + " is back to its default, " + now);
  return 0;
}

int run_config(const ConfigOptions& o, Context& ctx) {
  return o.unset || o.value ? change(o, ctx) : show(o, ctx);
}

}  // namespace

void setup_config(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<ConfigOptions>();
  sub.add_option("KEY", o->key, "A setting: " + setting_names());
  sub.add_option("VALUE", o->value, "Its new value");
  sub.add_flag("--unset", o->unset, "Put KEY back to its default");
  sub.add_flag("--json", o->json, "Print the settings in effect as a JSON object");
  std::size_t width = 0;
  for (const auto& key : setting_keys()) width = std::max(width, key.key.size());
  std::string footer = "Settings:";
  for (const auto& key : setting_keys()) {
    const std::string indent(width + 4, ' ');
    footer += "\n  " + std::string(key.key) + std::string(width + 2 - key.key.size(), ' ') +
              std::string(key.summary) + "\n" + indent + std::string(setting_values(key.key));
  }
  sub.footer(footer);
  sub.callback([o, &ctx] { ctx.exit_code = run_config(*o, ctx); });
}

}  // namespace kith::cli
