/* smm-application-catalogue.h: what the application does when a catalogue was saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "smm-application.h"

G_BEGIN_DECLS

void       smm_application_add_catalogue_actions (SmmApplication       *self);
void       smm_application_catalogue_saved       (SmmApplication       *self,
                                                  gint64                account_id,
                                                  GPtrArray            *changes);
void       smm_application_save_catalogue_async  (SmmApplication       *self,
                                                  gint64                account_id,
                                                  GPtrArray            *services,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray *smm_application_save_catalogue_finish (SmmApplication       *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
