/* smm-money.h: exact decimal amounts
 *
 * Money never lives in a double. An SmmMoney is a signed count of 10⁻⁸ units,
 * parsed from the panel's text with a parser that ignores the locale.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SMM_MONEY_DIGITS 8
#define SMM_MONEY_SCALE  G_GINT64_CONSTANT (100000000)

typedef struct {
  gint64 units; /* amount × SMM_MONEY_SCALE */
} SmmMoney;

#define SMM_TYPE_MONEY (smm_money_get_type ())
GType      smm_money_get_type          (void) G_GNUC_CONST;

SmmMoney  *smm_money_copy              (const SmmMoney *money);
void       smm_money_free              (SmmMoney       *money);

#define SMM_MONEY_ZERO ((SmmMoney) { 0 })

static inline SmmMoney
smm_money_from_units (gint64 units)
{
  return (SmmMoney) { units };
}

gboolean   smm_money_parse             (const char     *text,
                                        SmmMoney       *out,
                                        GError        **error);
gboolean   smm_money_from_integer      (gint64          whole,
                                        SmmMoney       *out);
gboolean   smm_money_add               (SmmMoney        a,
                                        SmmMoney        b,
                                        SmmMoney       *out);
gboolean   smm_money_sub               (SmmMoney        a,
                                        SmmMoney        b,
                                        SmmMoney       *out);
gboolean   smm_money_multiply          (SmmMoney        a,
                                        gint64          factor,
                                        SmmMoney       *out);
gboolean   smm_money_charge            (SmmMoney        rate,
                                        gint64          quantity,
                                        SmmMoney       *out);
gboolean   smm_money_scale             (SmmMoney        amount,
                                        gint64          numerator,
                                        gint64          denominator,
                                        SmmMoney       *out);
gboolean   smm_money_convert           (SmmMoney        amount,
                                        SmmMoney        exchange_rate,
                                        SmmMoney       *out);
int        smm_money_compare           (SmmMoney        a,
                                        SmmMoney        b);
static inline gboolean
smm_money_is_negative (SmmMoney money)
{
  return money.units < 0;
}

char      *smm_money_to_wire           (SmmMoney        money);
char      *smm_money_format            (SmmMoney        money,
                                        guint           min_fraction,
                                        guint           max_fraction);
char      *smm_money_format_with_currency (SmmMoney     money,
                                        const char     *currency);

G_END_DECLS

G_BEGIN_DECLS

#define SMM_MONEY_ERROR (smm_money_error_quark ())
GQuark smm_money_error_quark (void);

typedef enum {
  SMM_MONEY_ERROR_INVALID,
  SMM_MONEY_ERROR_OVERFLOW,
} SmmMoneyError;

G_END_DECLS
