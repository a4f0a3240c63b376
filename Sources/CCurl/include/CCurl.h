#ifndef CCURL_H
#define CCURL_H

// C bridge between libcurl and Swift. libcurl's option and info setters are variadic
// (`curl_easy_setopt(handle, option, ...)`), which Swift cannot call, and a few of its
// types (the anonymous union inside CURLMsg, the `CURL_ERROR_SIZE` macro) do not import
// cleanly. Every symbol here is prefixed `ccurl_` and exists only for one of those reasons.

#include <curl/curl.h>
#include <stddef.h>

/// The signature of CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION, named so Swift can pass a `@convention(c)` function.
typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *userdata);

/// curl_global_init is a macro-configured call (CURL_GLOBAL_ALL) that must run once before any other libcurl call.
CURLcode ccurl_global_init(void);

/// CURL_ERROR_SIZE is a macro; Swift needs the size to allocate a CURLOPT_ERRORBUFFER.
size_t ccurl_error_size(void);

/// curl_easy_setopt is variadic: typed wrapper for options taking a `long`.
CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);

/// curl_easy_setopt is variadic: typed wrapper for options taking a NUL-terminated string (libcurl copies it).
CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);

/// curl_easy_setopt is variadic: typed wrapper for options taking an object pointer (userdata, slist, buffers).
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);

/// curl_easy_setopt is variadic: typed wrapper for options taking a data callback (write/header functions).
CURLcode ccurl_easy_setopt_callback(CURL *handle, CURLoption option, ccurl_data_callback value);

/// curl_easy_setopt is variadic: typed wrapper for the `_LARGE` options taking a `curl_off_t`.
CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);

/// curl_easy_getinfo is variadic: typed wrapper for infos returning a `long`.
CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);

/// curl_easy_getinfo is variadic: typed wrapper for infos returning a string owned by the handle.
CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);

/// curl_easy_getinfo is variadic: typed wrapper for infos returning a `double`.
CURLcode ccurl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);

/// curl_easy_getinfo is variadic: typed wrapper for the `_T` infos returning a `curl_off_t`.
CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);

/// curl_easy_getinfo is variadic: typed wrapper for CURLINFO_PRIVATE, which returns the pointer set with CURLOPT_PRIVATE.
CURLcode ccurl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);

/// curl_multi_setopt is variadic: typed wrapper for multi options taking a `long`.
CURLMcode ccurl_multi_setopt_long(CURLM *handle, CURLMoption option, long value);

/// CURLMsg keeps its result in an anonymous union that Swift imports awkwardly: returns 1 and fills
/// `easy`/`result` for the next finished transfer, 0 when no finished transfer is queued.
int ccurl_multi_next_done(CURLM *handle, CURL **easy, CURLcode *result);

#endif
