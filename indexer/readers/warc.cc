#include "indexer/readers/warc.h"

#include <algorithm>
#include <deque>
#include <vector>

#include "common/text_util.h"
#include "indexer/readers/gzip_stream.h"

namespace morgue::indexer {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxVersionLine = 64;
constexpr std::size_t kMaxHeaderBytes = 256u << 10;  // real headers are under 4 KiB
constexpr std::uint64_t kMaxReserve = 4u << 20;

bool equals_ci(std::string_view a, std::string_view b) { return a.size() == b.size() && starts_with_ci(a, b); }

std::string_view trim_view(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// "WARC/1.0", "WARC/0.17": the version line alone. The 0.9/0.10 drafts put the
// length, type and URI on this line too; no crawler we know of still has such files.
bool is_version(std::string_view line) {
  if (line.size() < 8 || !starts_with_ci(line, "WARC/")) return false;
  const std::string_view number = line.substr(5);
  const auto dot = number.find('.');
  auto digits = [](std::string_view s) {
    return !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  return dot != std::string_view::npos && digits(number.substr(0, dot)) && digits(number.substr(dot + 1));
}

std::optional<std::uint64_t> parse_length(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

std::string printable(std::string_view s) {
  std::string out;
  for (const char c : s.substr(0, 60)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return "'" + out + (s.size() > 60 ? "...'" : "'");
}

}  // namespace

std::optional<std::string_view> WarcRecord::field(std::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (equals_ci(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

WarcParser::WarcParser(const WarcOptions& options, RecordFn on_record, ErrorFn on_error)
    : options_(options), on_record_(std::move(on_record)), on_error_(std::move(on_error)) {}

std::uint64_t WarcParser::pending_offset() const {
  if (garbage_start_) return *garbage_start_;
  return state_ == State::kBetween || state_ == State::kGarbage ? position_ : record_start_;
}

void WarcParser::feed(std::string_view bytes) {
  while (!bytes.empty()) {
    std::size_t used = 0;
    switch (state_) {
      case State::kBetween: {  // blank lines end every record
        while (used < bytes.size() && (bytes[used] == '\r' || bytes[used] == '\n')) ++used;
        if (used < bytes.size()) {
          state_ = State::kVersion;
          record_start_ = position_ + used;
          line_.clear();
        }
        break;
      }
      case State::kVersion:
        used = take_version(bytes);
        break;
      case State::kGarbage: {  // skip to the next line that might start a record
        const auto nl = bytes.find('\n');
        used = nl == std::string_view::npos ? bytes.size() : nl + 1;
        if (nl != std::string_view::npos) state_ = State::kBetween;
        break;
      }
      case State::kHeader:
        used = take_header(bytes);
        break;
      case State::kBlock:
        used = take_block(bytes);
        break;
    }
    position_ += used;
    bytes.remove_prefix(used);
  }
}

std::size_t WarcParser::take_version(std::string_view bytes) {
  const auto nl = bytes.find('\n');
  const std::size_t take = nl == std::string_view::npos ? bytes.size() : nl + 1;
  const std::size_t room = kMaxVersionLine - line_.size();
  line_.append(bytes.substr(0, std::min(take, room)));
  const std::size_t prefix = std::min<std::size_t>(line_.size(), 5);
  if (!starts_with_ci("WARC/", std::string_view(line_).substr(0, prefix)) || take > room) {
    note_garbage(record_start_);
    state_ = State::kGarbage;
    return 0;  // kGarbage rescans these bytes for the end of the line
  }
  if (nl != std::string_view::npos) start_record();
  return take;
}

void WarcParser::start_record() {
  const std::string_view line = trim_view(line_);
  if (!is_version(line)) {
    on_error_(record_start_, "unsupported WARC version line " + printable(line) + "; skipped to the next record");
    note_garbage(record_start_);
    garbage_reported_ = true;
    state_ = State::kGarbage;
    return;
  }
  report_garbage();
  record_ = WarcRecord{};
  record_.offset = record_start_;
  record_.version = std::string(line);
  line_.clear();
  state_ = State::kHeader;
}

std::size_t WarcParser::take_header(std::string_view bytes) {
  std::size_t used = 0;
  while (used < bytes.size()) {
    const auto nl = bytes.find('\n', used);
    const std::size_t end = nl == std::string_view::npos ? bytes.size() : nl + 1;
    line_.append(bytes.substr(used, end - used));
    used = end;
    if (line_.size() > kMaxHeaderBytes) {
      on_error_(record_start_, "WARC header longer than " + std::to_string(kMaxHeaderBytes) +
                                   " bytes without an empty line; skipped to the next record");
      note_garbage(record_start_);
      garbage_reported_ = true;
      state_ = State::kGarbage;
      return used;
    }
    if (nl == std::string_view::npos) break;
    // An empty line (LF or CRLF: one sample has bare LFs) ends the header.
    if (line_ == "\n" || line_ == "\r\n" || line_.ends_with("\n\n") || line_.ends_with("\n\r\n")) {
      end_header(position_ + used);
      return used;
    }
  }
  return used;
}

void WarcParser::end_header(std::uint64_t block_start) {
  std::string_view rest = line_;
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if ((line.front() == ' ' || line.front() == '\t') && !record_.fields.empty()) {
      record_.fields.back().second += ' ' + std::string(trim_view(line));
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerated, as readers of real crawls must
    record_.fields.emplace_back(trim_view(line.substr(0, colon)), trim_view(line.substr(colon + 1)));
  }
  line_.clear();
  const std::pair<std::string_view, std::string WarcRecord::*> known[] = {
      {"WARC-Type", &WarcRecord::type},           {"WARC-Target-URI", &WarcRecord::target_uri},
      {"WARC-Date", &WarcRecord::date},           {"WARC-Record-ID", &WarcRecord::record_id},
      {"WARC-Refers-To", &WarcRecord::refers_to}, {"WARC-Payload-Digest", &WarcRecord::payload_digest},
      {"Content-Type", &WarcRecord::content_type}};
  for (const auto& [name, member] : known) {
    if (const auto value = record_.field(name)) record_.*member = std::string(*value);
  }
  std::string& uri = record_.target_uri;
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);

  const auto length_field = record_.field("Content-Length");
  const auto length = length_field ? parse_length(*length_field) : std::nullopt;
  if (!length) {
    on_error_(record_start_, length_field
                                 ? "bad Content-Length " + printable(*length_field) + "; skipped to the next record"
                                 : "no Content-Length; skipped to the next record");
    note_garbage(block_start);
    garbage_reported_ = true;
    state_ = State::kGarbage;
    return;
  }
  record_.content_length = *length;
  record_.block_too_large = *length > options_.max_block_bytes;
  keep_block_ = !record_.block_too_large &&
                (options_.keep_all_blocks || record_.type == "response" || record_.type == "resource");
  if (keep_block_) record_.block.reserve(static_cast<std::size_t>(std::min(*length, kMaxReserve)));
  remaining_ = *length;
  state_ = State::kBlock;
  if (remaining_ == 0) emit();
}

std::size_t WarcParser::take_block(std::string_view bytes) {
  const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, bytes.size()));
  if (keep_block_) record_.block.append(bytes.substr(0, take));
  remaining_ -= take;
  if (remaining_ == 0) emit();
  return take;
}

void WarcParser::emit() {
  state_ = State::kBetween;
  WarcRecord record = std::move(record_);
  record_ = WarcRecord{};
  on_record_(std::move(record));
}

void WarcParser::note_garbage(std::uint64_t at) {
  if (!garbage_start_) garbage_start_ = at;
}

void WarcParser::report_garbage() {
  if (garbage_start_ && !garbage_reported_) {
    on_error_(*garbage_start_, std::to_string(record_start_ - *garbage_start_) +
                                   " bytes between records are not a WARC record (a wrong Content-Length, or garbage)");
  }
  garbage_start_.reset();
  garbage_reported_ = false;
}

void WarcParser::finish() {
  if (state_ == State::kBlock) {
    on_error_(record_start_, "Content-Length " + std::to_string(record_.content_length) +
                                 " overruns the end of the file by " + std::to_string(remaining_) +
                                 " bytes; the record is incomplete");
  } else if (state_ == State::kHeader || (state_ == State::kVersion && garbage_start_ == std::nullopt)) {
    on_error_(record_start_, "the file ends inside a WARC header");
  } else if (garbage_start_ && !garbage_reported_) {
    on_error_(*garbage_start_,
              std::to_string(position_ - *garbage_start_) + " bytes at the end of the file are not a WARC record");
  }
  resync();
}

void WarcParser::resync() {
  state_ = State::kBetween;
  garbage_start_.reset();
  garbage_reported_ = false;
  line_.clear();
  record_ = WarcRecord{};
  remaining_ = 0;
}

// Names stream offsets as "file@offset": in a gzip file by the member they start in.
class Locator {
 public:
  explicit Locator(std::string file) : file_(std::move(file)) {}
  void member(std::uint64_t file_offset, std::uint64_t stream_offset, std::uint64_t still_needed) {
    while (members_.size() >= 2 && members_[1].second <= still_needed) members_.pop_front();
    members_.emplace_back(file_offset, stream_offset);
  }
  std::string where(std::uint64_t offset) const {
    auto it = std::find_if(members_.rbegin(), members_.rend(), [&](const auto& m) { return m.second <= offset; });
    if (it == members_.rend()) return file_ + "@" + std::to_string(offset);  // a plain file
    const std::uint64_t inside = offset - it->second;
    return file_ + "@" + std::to_string(it->first) + (inside ? "+" + std::to_string(inside) : "");
  }
  std::string file_where(std::uint64_t file_offset) const { return file_ + "@" + std::to_string(file_offset); }

 private:
  std::string file_;
  std::deque<std::pair<std::uint64_t, std::uint64_t>> members_;  // (file offset, stream offset)
};

void read_warc_records(const fs::path& file, const WarcOptions& options,
                       const std::function<void(WarcRecord&&)>& on_record,
                       const std::function<void(const InputError&)>& on_error) {
  Locator locator(file.string());
  WarcParser parser(
      options,
      [&](WarcRecord&& record) {
        record.where = locator.where(record.offset);
        on_record(std::move(record));
      },
      [&](std::uint64_t offset, const std::string& message) { on_error(InputError(locator.where(offset), message)); });
  StreamEvents events;
  events.data = [&](std::string_view bytes) { parser.feed(bytes); };
  events.member = [&](std::uint64_t file_offset, std::uint64_t stream_offset) {
    locator.member(file_offset, stream_offset, parser.pending_offset());
  };
  events.gap = [&](std::uint64_t file_offset, const std::string& message) {
    parser.resync();
    on_error(InputError(locator.file_where(file_offset), message));
  };
  try {
    read_stream(file, events);
    parser.finish();
  } catch (const InputError& e) {
    on_error(e);
  }
}

}  // namespace morgue::indexer
