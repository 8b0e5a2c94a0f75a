#include "indexer/readers/gzip_stream.h"

#include <cstring>
#include <fstream>
#include <vector>

#include <zlib.h>

#include "common/errors.h"

namespace morgue::indexer {
namespace {

constexpr std::size_t kBufferBytes = 256u << 10;

class Input {
 public:
  explicit Input(const std::filesystem::path& file)
      : name_(file.string()), in_(file, std::ios::binary), buffer_(kBufferBytes) {
    if (!in_) throw InputError(name_, "cannot open the file");
  }

  // Makes at least `want` unread bytes available unless the file ends first.
  void fill(std::size_t want) {
    if (size() >= want || eof_) return;
    std::memmove(buffer_.data(), buffer_.data() + begin_, size());
    end_ -= begin_;
    begin_ = 0;
    while (end_ < want && !eof_) {
      in_.read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
      end_ += static_cast<std::size_t>(in_.gcount());
      if (!in_) {
        if (in_.bad()) throw InputError(name_, "read error at byte " + std::to_string(offset_ + size()));
        eof_ = true;
      }
    }
  }
  std::size_t size() const { return end_ - begin_; }
  unsigned char at(std::size_t i) const { return static_cast<unsigned char>(buffer_[begin_ + i]); }
  const char* data() const { return buffer_.data() + begin_; }
  void consume(std::size_t n) {
    begin_ += n;
    offset_ += n;
  }
  std::uint64_t offset() const { return offset_; }  // of data()

 private:
  std::string name_;
  std::ifstream in_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::uint64_t offset_ = 0;
  bool eof_ = false;
};

bool at_magic(const Input& input) { return input.size() >= 2 && input.at(0) == 0x1f && input.at(1) == 0x8b; }

struct Inflater {
  Inflater() {
    if (inflateInit2(&zs, 15 + 32) != Z_OK) throw Error("cannot start zlib");
  }
  ~Inflater() { inflateEnd(&zs); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  z_stream zs{};
};

void read_gzip(Input& input, const StreamEvents& events) {
  Inflater inflater;
  z_stream& zs = inflater.zs;
  std::vector<char> out(kBufferBytes);
  std::uint64_t produced = 0;
  std::uint64_t member_start = 0;
  bool in_member = false;
  bool quiet = false;  // the bytes after a corrupt member belong to it: no second message
  for (;;) {
    if (!in_member) {  // find the next member; anything before it is stray
      const std::uint64_t stray_start = input.offset();
      for (input.fill(2); input.size() > 0 && !at_magic(input); input.fill(2)) {
        const void* magic = input.size() > 1 ? std::memchr(input.data() + 1, 0x1f, input.size() - 1) : nullptr;
        input.consume(magic ? static_cast<std::size_t>(static_cast<const char*>(magic) - input.data()) : input.size());
      }
      if (input.offset() > stray_start && !quiet) {
        events.gap(stray_start,
                   std::to_string(input.offset() - stray_start) + " bytes between gzip members are not gzip data");
      }
      quiet = false;
      if (input.size() == 0) return;
      in_member = true;
      member_start = input.offset();
      if (events.member) events.member(member_start, produced);
      inflateReset(&zs);
    }
    input.fill(1);
    if (input.size() == 0) {
      events.gap(member_start, "truncated gzip member: the file ends inside it");
      return;
    }
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    zs.avail_in = static_cast<uInt>(input.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&zs, Z_NO_FLUSH);
    input.consume(input.size() - zs.avail_in);
    const std::size_t n = out.size() - zs.avail_out;
    if (n > 0) {
      events.data(std::string_view(out.data(), n));
      produced += n;
    }
    if (rc == Z_STREAM_END) {
      in_member = false;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      events.gap(member_start, std::string("corrupt gzip member (") + (zs.msg ? zs.msg : "bad data") + ")");
      in_member = false;
      quiet = true;
      if (input.offset() == member_start) input.consume(1);  // never find the same member again
    }
  }
}

}  // namespace

bool read_stream(const std::filesystem::path& file, const StreamEvents& events) {
  Input input(file);
  input.fill(2);
  if (at_magic(input)) {
    read_gzip(input, events);
    return true;
  }
  for (; input.size() > 0; input.fill(1)) {
    events.data(std::string_view(input.data(), input.size()));
    input.consume(input.size());
  }
  return false;
}

}  // namespace morgue::indexer
