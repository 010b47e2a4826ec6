/* smm-account-check.h: checking an account before it is saved: one `balance` call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "smm-money.h"

G_BEGIN_DECLS

void     smm_account_check_async  (const char           *endpoint,
                                   const char           *key,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean smm_account_check_finish (GAsyncResult         *result,
                                   SmmMoney             *balance,
                                   char                **currency,
                                   GError              **error);

G_END_DECLS
