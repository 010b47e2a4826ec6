/* smm-json-scan.h: the one pass over a reply's bytes before json-glib reads them: where the JSON
 * starts, what it would cost, and the escapes json-glib cannot hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a reply answers, and so how much of it is worth reading */
typedef enum {
  SMM_JSON_REPLY_ANSWER,    /* one answer: add, balance, status, refill, an error */
  SMM_JSON_REPLY_BATCH,     /* answers about a batch of ids (100 a request) */
  SMM_JSON_REPLY_SERVICES,  /* a catalogue */
} SmmJsonReply;

#define SMM_JSON_MAX_DEPTH 32

typedef struct {
  gboolean  trailing;  /* something but white space follows the first value */
  char     *repaired;  /* (nullable): the bytes scanned, the same length, with each `\u0000` and
                        * each lone surrogate escape written `\ufffd`; NULL when none was there */
} SmmJsonScan;

gboolean    smm_json_scan_reply      (const char    *p,
                                      const char    *end,
                                      SmmJsonReply   kind,
                                      SmmJsonScan   *scan,
                                      GError       **error);
void        smm_json_scan_clear      (SmmJsonScan   *scan);
const char *smm_json_scan_find_start (const char    *p,
                                      const char    *end);

G_END_DECLS
