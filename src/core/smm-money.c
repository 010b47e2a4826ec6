/* smm-money.c: exact decimal amounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-money"

#include "config.h"

#include <langinfo.h>
#include <string.h>

#include "smm-money.h"

G_DEFINE_BOXED_TYPE (SmmMoney, smm_money, smm_money_copy, smm_money_free)

G_DEFINE_QUARK (smm-money-error-quark, smm_money_error)

/* 128-bit intermediates keep rate × quantity exact before the division. */
typedef __int128 SmmWide;

#define MAX_SIGNIFICANT 36

SmmMoney *
smm_money_copy (const SmmMoney *money)
{
  return g_memdup2 (money, sizeof *money);
}

void
smm_money_free (SmmMoney *money)
{
  g_free (money);
}

static gboolean
wide_to_money (SmmWide   value,
               SmmMoney *out)
{
  if (value > G_MAXINT64 || value < -G_MAXINT64)
    return FALSE;
  out->units = (gint64) value;
  return TRUE;
}

/* value / divisor, rounded half away from zero */
static SmmWide
wide_div_round (SmmWide value,
                SmmWide divisor)
{
  SmmWide q = value / divisor;
  SmmWide r = value % divisor;

  if (r < 0)
    r = -r;
  if (2 * r >= divisor)
    q += value < 0 ? -1 : 1;
  return q;
}

/**
 * smm_money_parse:
 * @text: a decimal number as a panel writes it: `"0.90"`, `"8"`, `" 1.5e-3 "`, `"-2"`
 * @out: (out): the amount
 *
 * Parses @text without regard to the locale: the decimal point is always `.`.
 * Digits beyond 10⁻⁸ are rounded half away from zero.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise
 */
gboolean
smm_money_parse (const char  *text,
                 SmmMoney    *out,
                 GError     **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  SmmWide mantissa = 0;
  int significant = 0;
  int exponent = 0;   /* value = mantissa × 10^exponent */
  int digits = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    goto invalid;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '+' || *p == '-')
    negative = (*p++ == '-');

  for (gboolean fraction = FALSE;; p++)
    {
      if (*p == '.' && !fraction)
        {
          fraction = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        break;

      digits++;
      if (mantissa == 0 && *p == '0')
        {
          if (fraction)
            exponent--;
          continue;
        }
      if (significant < MAX_SIGNIFICANT)
        {
          mantissa = mantissa * 10 + (*p - '0');
          significant++;
          if (fraction)
            exponent--;
        }
      else if (!fraction)
        {
          /* Beyond 36 significant digits: dropped. They lie far below 10⁻⁸ for any amount
           * that fits, and cannot turn a remainder below one half into one above it (the
           * divisor is a power of ten, so twice the remainder never falls one short of it):
           * rounding once, at 10⁻⁸, stays exact. */
          exponent++;
        }
    }

  if (digits == 0)
    goto invalid;

  if (*p == 'e' || *p == 'E')
    {
      gboolean exp_negative = FALSE;
      int exp_value = 0;
      int exp_digits = 0;

      p++;
      if (*p == '+' || *p == '-')
        exp_negative = (*p++ == '-');
      for (; g_ascii_isdigit (*p); p++, exp_digits++)
        if (exp_value < 10000)
          exp_value = exp_value * 10 + (*p - '0');
      if (exp_digits == 0)
        goto invalid;
      exponent += exp_negative ? -exp_value : exp_value;
    }

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    goto invalid;

  /* scale mantissa × 10^exponent to units of 10⁻⁸ */
  exponent += SMM_MONEY_DIGITS;
  if (mantissa == 0)
    {
      out->units = 0;
      return TRUE;
    }
  if (exponent > 0)
    {
      for (int i = 0; i < exponent; i++)
        {
          if (mantissa > (SmmWide) G_MAXINT64)
            goto overflow;
          mantissa *= 10;
        }
    }
  else if (exponent < 0)
    {
      SmmWide divisor = 1;

      if (exponent < -MAX_SIGNIFICANT)
        mantissa = 0;
      else
        {
          for (int i = 0; i < -exponent; i++)
            divisor *= 10;
          mantissa = wide_div_round (mantissa, divisor);
        }
    }

  if (!wide_to_money (negative ? -mantissa : mantissa, out))
    goto overflow;
  return TRUE;

invalid:
  g_set_error (error, SMM_MONEY_ERROR, SMM_MONEY_ERROR_INVALID,
               "“%s” is not a decimal number", text ? text : "(null)");
  return FALSE;

overflow:
  g_set_error (error, SMM_MONEY_ERROR, SMM_MONEY_ERROR_OVERFLOW,
               "“%s” is too large an amount", text);
  return FALSE;
}

gboolean
smm_money_from_integer (gint64    whole,
                        SmmMoney *out)
{
  return wide_to_money ((SmmWide) whole * SMM_MONEY_SCALE, out);
}

gboolean
smm_money_add (SmmMoney  a,
               SmmMoney  b,
               SmmMoney *out)
{
  return wide_to_money ((SmmWide) a.units + b.units, out);
}

gboolean
smm_money_sub (SmmMoney  a,
               SmmMoney  b,
               SmmMoney *out)
{
  return wide_to_money ((SmmWide) a.units - b.units, out);
}

gboolean
smm_money_multiply (SmmMoney  a,
                    gint64    factor,
                    SmmMoney *out)
{
  return wide_to_money ((SmmWide) a.units * factor, out);
}

/**
 * smm_money_charge:
 * @rate: the price of 1000 units
 * @quantity: how many units
 * @out: (out): rate × quantity / 1000, rounded half away from zero to 10⁻⁸
 *
 * Returns: %FALSE when the result does not fit
 */
gboolean
smm_money_charge (SmmMoney  rate,
                  gint64    quantity,
                  SmmMoney *out)
{
  return wide_to_money (wide_div_round ((SmmWide) rate.units * quantity, 1000), out);
}

/**
 * smm_money_scale:
 * @out: (out): @amount × @numerator / @denominator, rounded half away from zero
 *
 * The part of an amount: what a partial order refunds is charge × remains / quantity.
 *
 * Returns: %FALSE when @denominator is not positive or the result does not fit
 */
gboolean
smm_money_scale (SmmMoney  amount,
                 gint64    numerator,
                 gint64    denominator,
                 SmmMoney *out)
{
  if (denominator <= 0)
    return FALSE;
  return wide_to_money (wide_div_round ((SmmWide) amount.units * numerator, denominator), out);
}

/**
 * smm_money_convert:
 * @exchange_rate: what one unit of @amount's currency is worth in the other currency
 * @out: (out): @amount in the other currency, rounded half away from zero to 10⁻⁸
 *
 * Returns: %FALSE when the result does not fit
 */
gboolean
smm_money_convert (SmmMoney  amount,
                   SmmMoney  exchange_rate,
                   SmmMoney *out)
{
  return wide_to_money (wide_div_round ((SmmWide) amount.units * exchange_rate.units, SMM_MONEY_SCALE), out);
}

int
smm_money_compare (SmmMoney a,
                   SmmMoney b)
{
  return (a.units > b.units) - (a.units < b.units);
}

static SmmWide
pow10_wide (guint n)
{
  SmmWide v = 1;

  while (n--)
    v *= 10;
  return v;
}

/* Writes |money| rounded to @max_fraction digits, with at least @min_fraction. */
static char *
format_digits (SmmMoney    money,
               guint       min_fraction,
               guint       max_fraction,
               const char *decimal_point,
               const char *thousands_sep)
{
  GString *s = g_string_new (NULL);
  SmmWide magnitude = money.units < 0 ? -(SmmWide) money.units : money.units;
  SmmWide whole, fraction;
  guint n_fraction;
  char whole_digits[32];
  char fraction_digits[SMM_MONEY_DIGITS + 1];
  gsize len, lead;

  max_fraction = MIN (max_fraction, SMM_MONEY_DIGITS);
  min_fraction = MIN (min_fraction, max_fraction);

  magnitude = wide_div_round (magnitude, pow10_wide (SMM_MONEY_DIGITS - max_fraction));
  whole = magnitude / pow10_wide (max_fraction);
  fraction = magnitude % pow10_wide (max_fraction);

  g_snprintf (whole_digits, sizeof whole_digits, "%" G_GINT64_FORMAT, (gint64) whole);
  for (guint i = max_fraction; i > 0; i--)
    {
      fraction_digits[i - 1] = '0' + (char) (fraction % 10);
      fraction /= 10;
    }
  n_fraction = max_fraction;
  while (n_fraction > min_fraction && fraction_digits[n_fraction - 1] == '0')
    n_fraction--;
  fraction_digits[n_fraction] = '\0';

  if (money.units < 0 && (whole != 0 || strspn (fraction_digits, "0") != n_fraction))
    g_string_append_c (s, '-');

  len = strlen (whole_digits);
  lead = len % 3 ? len % 3 : 3;
  g_string_append_len (s, whole_digits, lead);
  for (gsize i = lead; i < len; i += 3)
    {
      g_string_append (s, thousands_sep);
      g_string_append_len (s, whole_digits + i, 3);
    }
  if (n_fraction > 0)
    {
      g_string_append (s, decimal_point);
      g_string_append (s, fraction_digits);
    }
  return g_string_free (s, FALSE);
}

/**
 * smm_money_to_wire:
 *
 * Returns: the amount as the API and the store write it: C locale, no grouping,
 * no trailing zeros (`"0.27819"`, `"8"`, `"-1.5"`)
 */
char *
smm_money_to_wire (SmmMoney money)
{
  return format_digits (money, 0, SMM_MONEY_DIGITS, ".", "");
}

/**
 * smm_money_format:
 * @min_fraction: fraction digits always shown
 * @max_fraction: fraction digits at most (rounded half away from zero)
 *
 * Returns: the amount for display, with the decimal point and digit grouping of
 * the current LC_NUMERIC locale (`1.234,56` in Turkish)
 */
char *
smm_money_format (SmmMoney money,
                  guint    min_fraction,
                  guint    max_fraction)
{
  const char *decimal_point = nl_langinfo (RADIXCHAR);
  const char *thousands_sep = nl_langinfo (THOUSEP);

  if (decimal_point == NULL || *decimal_point == '\0')
    decimal_point = ".";
  if (thousands_sep == NULL)
    thousands_sep = "";

  return format_digits (money, min_fraction, max_fraction, decimal_point, thousands_sep);
}

/**
 * smm_money_format_with_currency:
 * @currency: (nullable): an ISO 4217 code as the panel reports it
 *
 * Returns: the exact amount for display (at least two fraction digits, every
 * significant one after that) followed by the currency code
 */
char *
smm_money_format_with_currency (SmmMoney    money,
                                const char *currency)
{
  g_autofree char *number = smm_money_format (money, 2, SMM_MONEY_DIGITS);

  if (currency == NULL || *currency == '\0')
    return g_steal_pointer (&number);
  /* U+00A0: the code never wraps away from its amount */
  return g_strdup_printf ("%s\u00a0%s", number, currency);
}
