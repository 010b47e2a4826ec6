/* smm-question.c: the yes-or-no question before an action that spends money or loses something
 *
 * Every such question answers the same way: Escape and closing say no. Enter says yes to
 * what is asked for (placing an order the user has just filled in), and no to what cannot be
 * undone (removing an account, cancelling orders).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-question"

#include "config.h"

#include "smm-question.h"

/**
 * smm_question_new:
 * @appearance: %ADW_RESPONSE_SUGGESTED for what the user asked for, %ADW_RESPONSE_DESTRUCTIVE
 *   for what cannot be undone
 *
 * Returns: (transfer floating): the question, with its two answers
 */
AdwAlertDialog *
smm_question_new (const char            *heading,
                  const char            *body,
                  const char            *no_id,
                  const char            *no_label,
                  const char            *yes_id,
                  const char            *yes_label,
                  AdwResponseAppearance  appearance)
{
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, body));

  adw_alert_dialog_add_responses (dialog, no_id, no_label, yes_id, yes_label, NULL);
  adw_alert_dialog_set_response_appearance (dialog, yes_id, appearance);
  adw_alert_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE ? no_id : yes_id);
  adw_alert_dialog_set_close_response (dialog, no_id);
  return dialog;
}
