/* smm-key-row.h: an entry row for an API key that shows and tells no one the key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SMM_TYPE_KEY_ROW (smm_key_row_get_type ())
G_DECLARE_FINAL_TYPE (SmmKeyRow, smm_key_row, SMM, KEY_ROW, AdwEntryRow)

GtkWidget *smm_key_row_new (void);

G_END_DECLS
