// libFuzzer target: arbitrary bytes through the WARC record parser, and each record's
// payload through the HTTP layer and its decoders (cmake -DMORGUE_FUZZ=ON with clang;
// see bench/fuzz/CMakeLists.txt). The first byte picks the feed size, so the parser's
// state is also exercised across piece boundaries.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/readers/warc.h"
#include "indexer/readers/warc_articles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace morgue::indexer;
  if (size == 0) return 0;
  const std::size_t step = 1 + data[0] % 64;
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  WarcOptions options;
  options.max_block_bytes = 1 << 16;
  WarcParser parser(
      options,
      [](WarcRecord&& record) {
        try {
          (void)triage_warc_record(std::move(record), 1 << 20);
        } catch (const morgue::InputError&) {
          // bad payloads are expected; anything else is a finding
        }
      },
      [](std::uint64_t, const std::string&) {});
  for (std::size_t i = 0; i < input.size(); i += step) parser.feed(input.substr(i, step));
  parser.finish();
  return 0;
}
