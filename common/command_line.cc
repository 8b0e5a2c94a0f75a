#include "common/command_line.h"

#include <iostream>

namespace morgue::cli {
namespace {

std::string extras_message(const std::vector<std::string>& extras, const std::string& unknown_option_hint) {
  std::string message;
  bool unknown_option = false;
  for (const auto& arg : extras) {
    const bool option = arg.size() > 1 && arg.front() == '-';
    unknown_option = unknown_option || option;
    if (!message.empty()) message += "; ";
    message += (option ? "unknown option '" : "unexpected argument '") + arg + "'";
  }
  if (unknown_option && !unknown_option_hint.empty()) message += "; " + unknown_option_hint;
  return message;
}

}  // namespace

std::string usage_error_message(const CLI::ParseError& error, const CLI::App& app,
                                const std::string& unknown_option_hint) {
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    const auto extras = app.remaining();
    if (!extras.empty()) return extras_message(extras, unknown_option_hint);
  }
  return error.what();
}

std::optional<int> parse(CLI::App& app, int argc, const char* const* argv, const CommandLine& how) {
  try {
    app.parse(argc, argv);
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with status 0; CLI11 prints them on stdout.
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
    const std::string message = usage_error_message(e, app, how.unknown_option_hint);
    if (how.on_usage_error) how.on_usage_error(message);
    std::cerr << how.program << ": " << message << "\nRun with --help for more information.\n";
    return kUsageErrorStatus;
  }
}

}  // namespace morgue::cli
