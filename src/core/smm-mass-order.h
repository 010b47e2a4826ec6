/* smm-mass-order.h: many orders from one text or CSV file, checked, then placed one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "smm-mass-order-line.h"
#include "smm-money.h"

G_BEGIN_DECLS

#define SMM_MASS_ORDER_ERROR (smm_mass_order_error_quark ())
GQuark smm_mass_order_error_quark (void);

typedef enum {
  SMM_MASS_ORDER_ERROR_SYNTAX,        /* a line cannot be read */
  SMM_MASS_ORDER_ERROR_INVALID,       /* the link or quantity fails the checks of an order */
  SMM_MASS_ORDER_ERROR_NO_SERVICE,    /* the catalogue has no such service */
  SMM_MASS_ORDER_ERROR_NEEDS_FIELDS,  /* the service needs more than a link and a quantity */
  SMM_MASS_ORDER_ERROR_DUPLICATE,     /* the same service and link as an earlier line */
  SMM_MASS_ORDER_ERROR_TOO_LARGE,     /* the file as a whole */
  SMM_MASS_ORDER_ERROR_EMPTY,
  SMM_MASS_ORDER_ERROR_NOTHING_READY, /* placing: no line is ready */
  SMM_MASS_ORDER_ERROR_BUSY,          /* placing: already under way */
} SmmMassOrderError;

#define SMM_MASS_ORDER_MAX_LINES 5000
#define SMM_MASS_ORDER_MAX_BYTES (1024 * 1024)

typedef enum {
  SMM_MASS_ORDER_FORMAT_AUTO,   /* text when the first line has a "|", CSV otherwise */
  SMM_MASS_ORDER_FORMAT_TEXT,   /* service_id|link|quantity or service_id|quantity|link */
  SMM_MASS_ORDER_FORMAT_CSV,
} SmmMassOrderFormat;

typedef struct {
  guint     n_lines;        /* orders read (comments and blank lines are not lines) */
  guint     n_ready;
  guint     n_invalid;
  SmmMoney  total;          /* what the ready lines cost together */
  gboolean  balance_known;
  gboolean  over_balance;   /* the total is more than the balance */
} SmmMassOrderSummary;

typedef struct {
  guint     n_placed;
  guint     n_rejected;
  guint     n_unconfirmed;
  guint     n_failed;
  guint     n_skipped;      /* not sent because placing stopped */
  gboolean  cancelled;      /* the caller stopped it */
  guint     stopped_at;     /* the line whose outcome stopped the rest; 0 when none did */
} SmmMassOrderReport;

#define SMM_TYPE_MASS_ORDER (smm_mass_order_get_type ())
G_DECLARE_FINAL_TYPE (SmmMassOrder, smm_mass_order, SMM, MASS_ORDER, GObject)

SmmMassOrder     *smm_mass_order_new_from_text  (const char          *text,
                                                 gssize               length,
                                                 SmmMassOrderFormat   format,
                                                 GError             **error);
SmmMassOrder     *smm_mass_order_new_from_file  (const char          *path,
                                                 GError             **error);

guint             smm_mass_order_get_n_lines    (SmmMassOrder        *self);
SmmMassOrderLine *smm_mass_order_get_line       (SmmMassOrder        *self,
                                                 guint                position);
gboolean          smm_mass_order_check          (SmmMassOrder        *self,
                                                 GPtrArray           *services,
                                                 const SmmMoney      *balance,
                                                 SmmMassOrderSummary *summary);
void              smm_mass_order_get_summary    (SmmMassOrder        *self,
                                                 SmmMassOrderSummary *summary);
gboolean          smm_mass_order_is_placing     (SmmMassOrder        *self);


G_END_DECLS
