// morgue's ranking model, IneB2 (common/ranking.h), weighing exactly as Xapian's
// Xapian::IneB2Weight, bit for bit, with the one logarithm it takes for every posting
// remembered by document length.
//
// Why our own: Xapian's IneB2Weight computes log2(1 + c * average length / length) for
// each posting of each term, and the value depends on the length alone. On CISI's
// "testing automated information systems" (1,334 postings, 904 articles) the logarithm
// and the rest of get_sumpart were 18% of the match; remembered, the match took 102-103
// µs where Xapian's took 107-108, as fast as BM25Weight; over whole collections the
// median query is 2-3% faster (bench/README.md, "IneB2's logarithm remembered"). The
// other models stay Xapian's own.
#pragma once

#include <atomic>
#include <cmath>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include <xapian.h>

namespace morgue {

class IneB2Weight final : public Xapian::Weight {
 public:
  // The lengths remembered, at most (8 bytes each): a longer document's logarithm is
  // computed each time.
  static constexpr Xapian::termcount kMaxLength = 1u << 16;

  // `max_length`: the longest document whose logarithm is remembered (kMaxLength).
  explicit IneB2Weight(double c, Xapian::termcount max_length = kMaxLength);

  // Clones share the remembered logarithms: those Xapian makes for each term of each
  // query from the copy an Enquire holds, so they last from query to query while one
  // Enquire, or one prototype handed to several (Searcher), weighs with them. Safe to
  // share between threads.
  IneB2Weight* clone() const override;
  void init(double factor) override;
  std::string name() const override { return "morgue::IneB2Weight"; }
  std::string serialise() const override;
  IneB2Weight* unserialise(const std::string& s) const override;

  double get_sumpart(Xapian::termcount wdf, Xapian::termcount len, Xapian::termcount) const override {
    if (wdf == 0) return 0.0;
    double wdfn = wdf;
    wdfn *= length_log(len);
    const double wdfn_product_B = wdfn * B_constant_ / (wdfn + 1.0);
    return wdfn_product_B * wqf_product_idf_;
  }
  double get_maxpart() const override { return upper_bound_; }
  double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0; }
  double get_maxextra() const override { return 0; }

 private:
  // log2(1 + c * average length / length) for lengths 1..size-1, for one average length
  // (one revision of the index); 0 where not computed yet (the logarithm is positive).
  struct LengthLogs {
    LengthLogs(double c_avlen, std::size_t size);
    const double c_product_avlen;
    const std::size_t size;
    const std::unique_ptr<std::atomic<double>[]> logs;
  };
  // The LengthLogs clones share; a new one when the average length changes.
  struct Shared {
    explicit Shared(Xapian::termcount max) : max_length(max) {}
    const Xapian::termcount max_length;
    std::mutex mutex;
    std::shared_ptr<LengthLogs> current;
  };

  IneB2Weight(double c, std::shared_ptr<Shared> shared);

  double length_log(Xapian::termcount len) const {
    if (len < logs_size_) {
      double l = logs_[len].load(std::memory_order_relaxed);
      if (l == 0.0) {
        l = std::log2(1 + c_product_avlen_ / len);
        logs_[len].store(l, std::memory_order_relaxed);
      }
      return l;
    }
    return std::log2(1 + c_product_avlen_ / len);
  }

  double param_c_;
  std::shared_ptr<Shared> shared_;
  std::shared_ptr<LengthLogs> held_;  // keeps logs_ alive
  std::atomic<double>* logs_ = nullptr;
  std::size_t logs_size_ = 0;
  double wqf_product_idf_ = 0, c_product_avlen_ = 0, B_constant_ = 0, upper_bound_ = 0;
};

}  // namespace morgue
