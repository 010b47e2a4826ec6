/* smm-csv.h: comma-separated values as RFC 4180 has them, in and out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "smm-store.h"

G_BEGIN_DECLS

#define SMM_CSV_ERROR (smm_csv_error_quark ())
GQuark smm_csv_error_quark (void);

typedef enum {
  SMM_CSV_ERROR_SYNTAX,      /* a quote left open, text after a closing quote */
  SMM_CSV_ERROR_ENCODING,    /* not UTF-8 */
  SMM_CSV_ERROR_TOO_LARGE,   /* more than the caller's limit of records or bytes */
} SmmCsvError;

#define SMM_CSV_MAX_BYTES (1024 * 1024)

/* One record of a file that was read. */
typedef struct {
  guint   line;     /* the line it begins on, from 1 */
  char  **fields;   /* never NULL; a blank line is one empty field */
} SmmCsvRecord;

void        smm_csv_record_free     (SmmCsvRecord        *record);
guint       smm_csv_record_get_size (const SmmCsvRecord  *record);

char        smm_csv_guess_separator (const char          *text,
                                     gssize               length);
GPtrArray  *smm_csv_parse           (const char          *text,
                                     gssize               length,
                                     char                 separator,
                                     guint                max_records,
                                     GError             **error);

void        smm_csv_append_field    (GString             *out,
                                     const char          *field);
void        smm_csv_append_row      (GString             *out,
                                     const char * const  *fields,
                                     guint                n_fields);

char       *smm_csv_format_orders   (GPtrArray           *orders,
                                     GPtrArray           *accounts);
gboolean    smm_csv_export_orders   (SmmStore            *store,
                                     const SmmOrderQuery *query,
                                     const char          *path,
                                     guint               *n_orders,
                                     GError             **error);
void        smm_csv_export_orders_async  (SmmStore            *store,
                                          const SmmOrderQuery *query,
                                          const char          *path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    smm_csv_export_orders_finish (SmmStore            *store,
                                          GAsyncResult        *result,
                                          guint               *n_orders,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmmCsvRecord, smm_csv_record_free)

G_END_DECLS
