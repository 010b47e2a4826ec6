/* smm-account.h: one panel account: where it is and what it last said about the balance
 *
 * The API key is not here: it lives in the keyring (smm-secrets).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "smm-money.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;
  const char *endpoint;
} SmmAccountPreset;

const SmmAccountPreset *smm_account_get_presets (guint *n_presets);

/* The actions a panel may lack: it answers them "Request Invalid" (API.md, "Seen on real panels") */
typedef enum {
  SMM_PANEL_ACTION_REFILL = 1 << 0,
  SMM_PANEL_ACTION_CANCEL = 1 << 1,
  SMM_PANEL_ACTION_REFILL_STATUS = 1 << 2,
} SmmPanelAction;

const char  *smm_panel_action_unsupported_message (SmmPanelAction action);

#define SMM_TYPE_ACCOUNT (smm_account_get_type ())
G_DECLARE_FINAL_TYPE (SmmAccount, smm_account, SMM, ACCOUNT, GObject)

SmmAccount  *smm_account_new            (gint64          id,
                                         const char     *name,
                                         const char     *endpoint);
gint64       smm_account_get_id         (SmmAccount     *self);
const char  *smm_account_get_name       (SmmAccount     *self);
void         smm_account_set_name       (SmmAccount     *self,
                                         const char     *name);
const char  *smm_account_get_endpoint   (SmmAccount     *self);
void         smm_account_set_endpoint   (SmmAccount     *self,
                                         const char     *endpoint);
const char  *smm_account_get_currency   (SmmAccount     *self);
void         smm_account_set_currency   (SmmAccount     *self,
                                         const char     *currency);
gboolean     smm_account_get_balance    (SmmAccount     *self,
                                         SmmMoney       *balance);
void         smm_account_set_balance    (SmmAccount     *self,
                                         const SmmMoney *balance);
gint64       smm_account_get_balance_time (SmmAccount   *self);
void         smm_account_set_balance_time (SmmAccount   *self,
                                           gint64        balance_time);
char        *smm_account_dup_balance_age (SmmAccount    *self,
                                          gint64         now);
guint        smm_account_get_unsupported (SmmAccount    *self);
void         smm_account_set_unsupported (SmmAccount    *self,
                                          guint          actions);
gboolean     smm_account_supports       (SmmAccount     *self,
                                         SmmPanelAction  action);

G_END_DECLS
