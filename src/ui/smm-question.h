/* smm-question.h: the yes-or-no question before an action that spends money or loses something
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwAlertDialog *smm_question_new (const char            *heading,
                                  const char            *body,
                                  const char            *no_id,
                                  const char            *no_label,
                                  const char            *yes_id,
                                  const char            *yes_label,
                                  AdwResponseAppearance  appearance);

G_END_DECLS
