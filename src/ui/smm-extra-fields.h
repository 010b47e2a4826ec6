/* smm-extra-fields.h: the free fields of a service type SMM Desk does not know, name = value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-order-request.h"

G_BEGIN_DECLS

#define SMM_TYPE_EXTRA_FIELDS (smm_extra_fields_get_type ())
G_DECLARE_FINAL_TYPE (SmmExtraFields, smm_extra_fields, SMM, EXTRA_FIELDS, AdwPreferencesGroup)

guint     smm_extra_fields_add           (SmmExtraFields  *self,
                                          const char      *name,
                                          const char      *value);
void      smm_extra_fields_remove        (SmmExtraFields  *self,
                                          guint            index);
guint     smm_extra_fields_get_n_fields  (SmmExtraFields  *self);
gboolean  smm_extra_fields_apply         (SmmExtraFields  *self,
                                          SmmOrderRequest *request,
                                          GError         **error);

G_END_DECLS
