/* smm-cancel-result.c: the panel's answer to a cancel request for one order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-cancel-result"

#include "config.h"

#include "smm-cancel-result.h"

void
smm_cancel_result_free (SmmCancelResult *result)
{
  if (result == NULL)
    return;
  g_clear_error (&result->error);
  g_free (result);
}
