#include "common/ineb2_weight.h"

#include <algorithm>
#include <cstring>

namespace morgue {

IneB2Weight::LengthLogs::LengthLogs(double c_avlen, std::size_t n)
    : c_product_avlen(c_avlen), size(n), logs(new std::atomic<double>[n]()) {}

IneB2Weight::IneB2Weight(double c, Xapian::termcount max_length)
    : IneB2Weight(c, std::make_shared<Shared>(max_length)) {
  if (c <= 0) throw Xapian::InvalidArgumentError("Parameter c is invalid");
}

IneB2Weight::IneB2Weight(double c, std::shared_ptr<Shared> shared) : param_c_(c), shared_(std::move(shared)) {
  // Xapian's IneB2Weight's statistics, and the longest document's length (for the size
  // of the remembered logarithms).
  need_stat(AVERAGE_LENGTH);
  need_stat(DOC_LENGTH);
  need_stat(DOC_LENGTH_MIN);
  need_stat(DOC_LENGTH_MAX);
  need_stat(COLLECTION_SIZE);
  need_stat(WDF);
  need_stat(WDF_MAX);
  need_stat(WQF);
  need_stat(COLLECTION_FREQ);
  need_stat(TERMFREQ);
}

IneB2Weight* IneB2Weight::clone() const { return new IneB2Weight(param_c_, shared_); }

// Xapian::IneB2Weight::init (weight/ineb2weight.cc, 1.4.22), the same expressions in
// the same order, so the same weights.
void IneB2Weight::init(double factor) {
  // The term-independent part, always 0 for this model.
  if (factor == 0.0) return;
  double wdfn_upper = get_wdf_upper_bound();
  if (wdfn_upper == 0) {
    upper_bound_ = 0.0;
    return;
  }
  wdfn_upper *= std::log2(1 + (param_c_ * get_average_length()) / get_doclength_lower_bound());
  const double N = get_collection_size();
  const double F = get_collection_freq();
  const double termfreq = get_termfreq();
  const double max_wdfn_product_B = (F + 1.0) / (termfreq + (termfreq / wdfn_upper));
  const double mean = F / N;
  const double expected_max = N * (1.0 - std::exp(-mean));
  const double idf_max = std::log2((N + 1.0) / (expected_max + 0.5));
  wqf_product_idf_ = get_wqf() * idf_max * factor;
  c_product_avlen_ = param_c_ * get_average_length();
  B_constant_ = (F + 1.0) / termfreq;
  upper_bound_ = max_wdfn_product_B * idf_max * get_wqf() * factor;

  const std::size_t size = std::min(get_doclength_upper_bound(), shared_->max_length) + std::size_t{1};
  {
    const std::lock_guard lock(shared_->mutex);
    std::shared_ptr<LengthLogs>& current = shared_->current;
    if (!current || current->c_product_avlen != c_product_avlen_ || current->size < size) {
      current = std::make_shared<LengthLogs>(c_product_avlen_, size);
    }
    held_ = current;
  }
  logs_ = held_->logs.get();
  logs_size_ = held_->size;
}

std::string IneB2Weight::serialise() const {
  std::string s(sizeof param_c_, '\0');
  std::memcpy(s.data(), &param_c_, sizeof param_c_);
  return s;
}

IneB2Weight* IneB2Weight::unserialise(const std::string& s) const {
  double c;
  if (s.size() != sizeof c) throw Xapian::SerialisationError("morgue::IneB2Weight: not a serialised parameter");
  std::memcpy(&c, s.data(), sizeof c);
  return new IneB2Weight(c, shared_->max_length);
}

}  // namespace morgue
