// RAII for the libcurl handles the SMTP and webhook transports use, and the
// one-time global initialisation.
#ifndef DOITHOAI_ADAPTERS_NOTIFY_CURL_HANDLES_H_
#define DOITHOAI_ADAPTERS_NOTIFY_CURL_HANDLES_H_

#include <curl/curl.h>

#include <memory>

namespace doithoai::notify {

// curl_global_init once per process (reference-counted by libcurl, so other
// users may call it too); true if libcurl is usable.
inline bool CurlReady() {
  static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return ready;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using CurlList = std::unique_ptr<curl_slist, SlistDeleter>;

}  // namespace doithoai::notify

#endif  // DOITHOAI_ADAPTERS_NOTIFY_CURL_HANDLES_H_
