/* smm-backup-chooser.h: choosing a backup of the order history to restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void   smm_backup_chooser_choose_async  (GtkWidget            *parent,
                                         const char           *store_path,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
char  *smm_backup_chooser_choose_finish (GAsyncResult         *result,
                                         GError              **error);
char  *smm_backup_chooser_describe      (const char           *backup);

G_END_DECLS
