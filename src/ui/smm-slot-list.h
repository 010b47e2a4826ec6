/* smm-slot-list.h: a filtered, sorted list whose rows keep their widgets when it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SMM_TYPE_SLOT (smm_slot_get_type ())
G_DECLARE_FINAL_TYPE (SmmSlot, smm_slot, SMM, SLOT, GObject)

gpointer     smm_slot_get_item             (SmmSlot     *self);

#define SMM_TYPE_SLOT_LIST (smm_slot_list_get_type ())
G_DECLARE_FINAL_TYPE (SmmSlotList, smm_slot_list, SMM, SLOT_LIST, GObject)

SmmSlotList *smm_slot_list_new             (GtkFilter   *filter,
                                            GtkSorter   *sorter);
void         smm_slot_list_set_items       (SmmSlotList *self,
                                            GPtrArray   *items);
GPtrArray   *smm_slot_list_get_items       (SmmSlotList *self);
void         smm_slot_list_refilter        (SmmSlotList *self);
guint        smm_slot_list_get_n_shown     (SmmSlotList *self);

G_END_DECLS
