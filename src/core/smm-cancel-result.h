/* smm-cancel-result.h: the panel's answer to a cancel request for one order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "smm-api-error.h"

G_BEGIN_DECLS

/* The answer to a cancel request for one order. */
typedef struct {
  gint64   order_id;
  gboolean accepted;
  GError  *error;      /* why not, when not accepted: mostly in SMM_API_ERROR */
} SmmCancelResult;

void smm_cancel_result_free (SmmCancelResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmmCancelResult, smm_cancel_result_free)

G_END_DECLS
