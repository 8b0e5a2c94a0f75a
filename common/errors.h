// Typed errors for expected bad input or environment. Bugs are asserts, not these.
// Caught only at the edges: the indexer per record, the daemon per request, mains.
#pragma once

#include <stdexcept>
#include <string>

namespace morgue {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A malformed article or unreadable input. `where` is "file:line" (or "file").
class InputError : public Error {
 public:
  InputError(std::string where, const std::string& message)
      : Error(where.empty() ? message : where + ": " + message), where_(std::move(where)) {}
  const std::string& where() const { return where_; }

 private:
  std::string where_;
};

// A request the user can fix: bad query syntax, bad parameter. HTTP 400, exit 2.
class QueryError : public Error {
 public:
  QueryError(std::string parameter, const std::string& message) : Error(message), parameter_(std::move(parameter)) {}
  const std::string& parameter() const { return parameter_; }

 private:
  std::string parameter_;
};

// No index at the path, or one we cannot read (other schema version). HTTP 503.
class IndexUnavailable : public Error {
 public:
  using Error::Error;
};

}  // namespace morgue
