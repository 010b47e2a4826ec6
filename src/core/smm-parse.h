/* smm-parse.h: panel replies to models, with every quirk of real panels
 *
 * Pure functions, no I/O: they can be fuzzed. Every reply is untrusted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "smm-api-error.h"
#include "smm-cancel-result.h"
#include "smm-money.h"
#include "smm-order.h"
#include "smm-refill.h"
#include "smm-service.h"

G_BEGIN_DECLS

#define SMM_PARSE_MAX_BODY (32 * 1024 * 1024)

/* What a catalogue's listings left out */
typedef struct {
  guint   n_skipped;     /* without an id or a valid rate */
  guint   n_duplicates;  /* an id listed again alike: the first kept */
  guint   n_dropped;     /* the listings of ambiguous ids */
  GArray *ambiguous;     /* (element-type gint64): ids listed with different rates or types: left out */
} SmmServicesReport;

void        smm_services_report_clear       (SmmServicesReport *report);
char       *smm_services_report_dup_message (const SmmServicesReport *report);
GPtrArray  *smm_parse_services_full         (const char   *data,
                                             gsize         length,
                                             SmmServicesReport *report,
                                             GError      **error);
GPtrArray  *smm_parse_services              (const char   *data,
                                             gsize         length,
                                             guint        *n_skipped,
                                             GError      **error);
gboolean    smm_parse_add                   (const char   *data,
                                             gsize         length,
                                             gint64       *order_id,
                                             GError      **error);
SmmOrder   *smm_parse_status                (const char   *data,
                                             gsize         length,
                                             gint64        order_id,
                                             GError      **error);
GPtrArray  *smm_parse_status_batch          (const char   *data,
                                             gsize         length,
                                             const gint64 *ids,
                                             guint         n_ids,
                                             GError      **error);
gboolean    smm_parse_refill                (const char   *data,
                                             gsize         length,
                                             gint64       *refill_id,
                                             GError      **error);
GPtrArray  *smm_parse_refill_batch          (const char   *data,
                                             gsize         length,
                                             const gint64 *ids,
                                             guint         n_ids,
                                             GError      **error);
SmmRefill  *smm_parse_refill_status         (const char   *data,
                                             gsize         length,
                                             gint64        refill_id,
                                             GError      **error);
GPtrArray  *smm_parse_refill_status_batch   (const char   *data,
                                             gsize         length,
                                             const gint64 *ids,
                                             guint         n_ids,
                                             GError      **error);
GPtrArray  *smm_parse_cancel_batch          (const char   *data,
                                             gsize         length,
                                             const gint64 *ids,
                                             guint         n_ids,
                                             GError      **error);
gboolean    smm_parse_balance               (const char   *data,
                                             gsize         length,
                                             SmmMoney     *balance,
                                             char        **currency,
                                             GError      **error);
/* An item of a batch that carries @error instead of an answer (element types as above) */
gpointer    smm_parse_failed_order          (gint64        order_id,
                                             const GError *error);
gpointer    smm_parse_failed_refill         (gint64        order_id,
                                             const GError *error);
gpointer    smm_parse_failed_refill_status  (gint64        refill_id,
                                             const GError *error);
gpointer    smm_parse_failed_cancel         (gint64        order_id,
                                             const GError *error);
GError     *smm_parse_error_reply           (const char   *data,
                                             gsize         length);

/* Tolerant readers of one JSON value, shared with the store's import */
gboolean    smm_parse_integer_text          (const char   *text,
                                             gint64       *out);

G_END_DECLS
