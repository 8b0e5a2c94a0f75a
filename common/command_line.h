// The command lines of morgue-search, morgue-index and morgued, parsed by CLI11 with
// one rule for what a usage error does (docs/operations.md): a message naming the
// option, exit status 2; --help prints the usage and exits 0.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace morgue::cli {

inline constexpr int kUsageErrorStatus = 2;

struct CommandLine {
  std::string program = {};  // prefixes the message on stderr: "morgue-search: ..."
  // Added to an unknown option's message, e.g. how to pass a query that starts with '-'.
  std::string unknown_option_hint = {};
  // Called with the message besides printing it (morgue-search --json prints a JSON error).
  std::function<void(const std::string& message)> on_usage_error = {};
};

// Parses argv into `app`. std::nullopt: go on; otherwise the status to exit with,
// after --help (0) or a usage error (kUsageErrorStatus), both reported already.
[[nodiscard]] std::optional<int> parse(CLI::App& app, int argc, const char* const* argv, const CommandLine& how);

// A usage error in words: an unknown option or stray argument is named as such
// ("unknown option '-Poroshenko'", plus `unknown_option_hint`), others are CLI11's.
[[nodiscard]] std::string usage_error_message(const CLI::ParseError& error, const CLI::App& app,
                                              const std::string& unknown_option_hint);

}  // namespace morgue::cli
