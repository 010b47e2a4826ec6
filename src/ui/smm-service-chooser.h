/* smm-service-chooser.h: a question that asks which service of a catalogue, with a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "smm-service.h"

G_BEGIN_DECLS

AdwAlertDialog *smm_service_chooser_new          (const char     *heading,
                                                  const char     *body,
                                                  GPtrArray      *services,
                                                  const char     *accept_label);
GtkDropDown    *smm_service_chooser_get_dropdown (AdwAlertDialog *dialog);
SmmService     *smm_service_chooser_get_service  (AdwAlertDialog *dialog);

G_END_DECLS
