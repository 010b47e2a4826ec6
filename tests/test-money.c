/* test-money.c: exact decimal amounts */
#include "config.h"

#include <locale.h>

#include "smm-format.h"
#include "smm-money.h"

static SmmMoney
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  SmmMoney money = { -1 };

  g_assert_true (smm_money_parse (text, &money, &error));
  g_assert_no_error (error);
  return money;
}

static void
assert_wire (SmmMoney    money,
             const char *expected)
{
  g_autofree char *wire = smm_money_to_wire (money);
  g_assert_cmpstr (wire, ==, expected);
}

static void
test_parse (void)
{
  static const struct {
    const char *text;
    gint64      units;
  } cases[] = {
    { "0.90", 90000000 },
    { "8", 800000000 },
    { "0.27819", 27819000 },
    { "100.84292", G_GINT64_CONSTANT (10084292000) },
    { " 1.5 ", 150000000 },
    { "+2", 200000000 },
    { "-0.5", -50000000 },
    { ".5", 50000000 },
    { "5.", 500000000 },
    { "0.0045", 450000 },
    { "1e-5", 1000 },
    { "1.5E+3", G_GINT64_CONSTANT (150000000000) },
    { "0.00000001", 1 },
    { "0.000000005", 1 },     /* half away from zero */
    { "0.000000004999", 0 },
    { "-0.000000005", -1 },
    { "00012.3400", 1234000000 },
    { "92233720368.54775807", G_MAXINT64 },
    { "0.123456789012345678901234567890123456789", 12345679 },
    /* rounded once, at 10⁻⁸: not first at 36 digits and then again */
    { "0.1234567849999999999999999999999999999999", 12345678 },
    { "0.1234567850000000000000000000000000000001", 12345679 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (parse (cases[i].text).units, ==, cases[i].units);
    }
}

static void
test_parse_invalid (void)
{
  const char *invalid[] = { "", " ", "abc", "1,5", "1.2.3", "--1", "1e", "0x10", "1 2", "NaN",
                            "inf", "1.5USD", "€1" };
  const char *overflow[] = { "92233720368.54775808", "1e30", "99999999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      SmmMoney money;
      g_test_message ("“%s”", invalid[i]);
      g_assert_false (smm_money_parse (invalid[i], &money, &error));
      g_assert_error (error, SMM_MONEY_ERROR, SMM_MONEY_ERROR_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (overflow); i++)
    {
      g_autoptr(GError) error = NULL;
      SmmMoney money;
      g_assert_false (smm_money_parse (overflow[i], &money, &error));
      g_assert_error (error, SMM_MONEY_ERROR, SMM_MONEY_ERROR_OVERFLOW);
    }
  {
    g_autoptr(GError) error = NULL;
    SmmMoney money;
    g_assert_false (smm_money_parse (NULL, &money, &error));
    g_assert_error (error, SMM_MONEY_ERROR, SMM_MONEY_ERROR_INVALID);
  }
}

static void
test_charge (void)
{
  SmmMoney charge;

  /* the seed's first service: 0.90 per 1000 */
  g_assert_true (smm_money_charge (parse ("0.90"), 1000, &charge));
  assert_wire (charge, "0.9");
  g_assert_true (smm_money_charge (parse ("0.90"), 50, &charge));
  assert_wire (charge, "0.045");
  g_assert_true (smm_money_charge (parse ("0.90"), 10000, &charge));
  assert_wire (charge, "9");
  g_assert_true (smm_money_charge (parse ("8"), 1500, &charge));
  assert_wire (charge, "12");
  g_assert_true (smm_money_charge (parse ("0.27819"), 1, &charge));
  assert_wire (charge, "0.00027819");
  /* a double would say 0.30000000000000004 */
  g_assert_true (smm_money_charge (parse ("0.1"), 3000, &charge));
  assert_wire (charge, "0.3");
  /* exact where a double rounds: 0.0045 × 333 / 1000 = 0.0014985 */
  g_assert_true (smm_money_charge (parse ("0.0045"), 333, &charge));
  assert_wire (charge, "0.0014985");
  /* beyond 8 digits: half away from zero */
  g_assert_true (smm_money_charge (parse ("0.00001"), 5, &charge));
  assert_wire (charge, "0.00000005");
  g_assert_true (smm_money_charge (parse ("0.00000001"), 500, &charge));
  assert_wire (charge, "0.00000001");
  g_assert_true (smm_money_charge (parse ("0.00000001"), 499, &charge));
  assert_wire (charge, "0");
  /* rate × quantity beyond 64 bits before the division */
  g_assert_true (smm_money_charge (parse ("50000"), G_GINT64_CONSTANT (1000000000), &charge));
  assert_wire (charge, "50000000000");
  g_assert_false (smm_money_charge (parse ("92233720368"), 2000, &charge));
}

static void
test_arithmetic (void)
{
  SmmMoney sum;

  g_assert_true (smm_money_add (parse ("0.1"), parse ("0.2"), &sum));
  assert_wire (sum, "0.3");
  g_assert_true (smm_money_sub (parse ("100.84292"), parse ("0.9"), &sum));
  assert_wire (sum, "99.94292");
  g_assert_cmpint (smm_money_compare (sum, parse ("99.94292")), ==, 0);
  g_assert_cmpint (smm_money_compare (parse ("1"), parse ("2")), <, 0);
  g_assert_cmpint (smm_money_compare (parse ("-1"), parse ("-2")), >, 0);
  g_assert_true (smm_money_multiply (parse ("1.5"), 3, &sum));
  assert_wire (sum, "4.5");
  g_assert_false (smm_money_add (smm_money_from_units (G_MAXINT64), parse ("0.00000001"), &sum));
  g_assert_false (smm_money_from_integer (G_MAXINT64 / 10, &sum));
  g_assert_true (smm_money_from_integer (-12, &sum));
  assert_wire (sum, "-12");
}

static void
test_format_c (void)
{
  g_autofree char *a = smm_money_format (parse ("1234567.891"), 2, 8);
  g_autofree char *b = smm_money_format (parse ("0.9"), 2, 8);
  g_autofree char *c = smm_money_format (parse ("0.005"), 2, 2);
  g_autofree char *d = smm_money_format (parse ("-0.004"), 2, 2);
  g_autofree char *e = smm_money_format_with_currency (parse ("0.27819"), "USD");
  g_autofree char *f = smm_money_format (parse ("-1234.5"), 0, 8);
  g_autofree char *w = smm_money_to_wire (parse ("-1234.50"));

  g_assert_cmpstr (a, ==, "1234567.891");
  g_assert_cmpstr (b, ==, "0.90");
  g_assert_cmpstr (c, ==, "0.01");
  g_assert_cmpstr (d, ==, "0.00");       /* no "-0.00" */
  g_assert_cmpstr (e, ==, "0.27819\u00a0USD");
  g_assert_cmpstr (f, ==, "-1234.5");
  g_assert_cmpstr (w, ==, "-1234.5");
}

static void
test_format_turkish (void)
{
  if (setlocale (LC_NUMERIC, "tr_TR.UTF-8") == NULL)
    {
      g_test_skip ("the tr_TR.UTF-8 locale is not installed");
      return;
    }

  {
    g_autofree char *a = smm_money_format (parse ("1234.56"), 2, 8);
    g_autofree char *b = smm_money_format (parse ("0.9"), 2, 8);
    g_autofree char *c = smm_money_format (parse ("1234567.5"), 2, 2);
    g_autofree char *wire = smm_money_to_wire (parse ("1234.56"));
    SmmMoney money;

    g_assert_cmpstr (a, ==, "1.234,56");
    g_assert_cmpstr (b, ==, "0,90");
    g_assert_cmpstr (c, ==, "1.234.567,50");
    /* the wire and the parser do not care about the locale */
    g_assert_cmpstr (wire, ==, "1234.56");
    g_assert_true (smm_money_parse ("0.90", &money, NULL));
    g_assert_cmpint (money.units, ==, 90000000);
  }
  setlocale (LC_NUMERIC, "C");
}

static void
test_scale_convert (void)
{
  SmmMoney out;

  /* a partial order refunds charge × remains / quantity */
  g_assert_true (smm_money_scale (parse ("0.9"), 157, 1000, &out));
  g_assert_cmpint (out.units, ==, 14130000);
  /* rounded half away from zero */
  g_assert_true (smm_money_scale (smm_money_from_units (5), 1, 2, &out));
  g_assert_cmpint (out.units, ==, 3);
  g_assert_true (smm_money_scale (smm_money_from_units (-5), 1, 2, &out));
  g_assert_cmpint (out.units, ==, -3);
  g_assert_false (smm_money_scale (parse ("1"), 1, 0, &out));
  g_assert_false (smm_money_scale (smm_money_from_units (G_MAXINT64), 3, 1, &out));

  /* 2.5 EUR at 1.08 USD per EUR */
  g_assert_true (smm_money_convert (parse ("2.5"), parse ("1.08"), &out));
  g_assert_cmpint (out.units, ==, 270000000);
  /* 100 TRY at 0.0293 USD per TRY: exact, no double */
  g_assert_true (smm_money_convert (parse ("100"), parse ("0.0293"), &out));
  g_assert_cmpint (out.units, ==, 293000000);
  g_assert_false (smm_money_convert (smm_money_from_units (G_MAXINT64), parse ("2"), &out));
}

/* Counts are grouped as the locale groups digits; an unknown one is a dash */
static void
test_format_count (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *unknown = smm_format_count (-1);
  g_autofree char *plain = NULL;

  g_assert_cmpstr (unknown, ==, "–");
  if (setlocale (LC_NUMERIC, "en_US.UTF-8") == NULL || setlocale (LC_NUMERIC, "tr_TR.UTF-8") == NULL)
    {
      setlocale (LC_NUMERIC, saved);
      g_test_skip ("the en_US.UTF-8 and tr_TR.UTF-8 locales are not installed");
      return;
    }
  setlocale (LC_NUMERIC, "en_US.UTF-8");
  {
    g_autofree char *text = smm_format_count (10000000);
    g_assert_cmpstr (text, ==, "10,000,000");
  }
  setlocale (LC_NUMERIC, "tr_TR.UTF-8");
  {
    g_autofree char *text = smm_format_count (10000000);
    g_autofree char *small = smm_format_count (950);
    g_assert_cmpstr (text, ==, "10.000.000");
    g_assert_cmpstr (small, ==, "950");
  }
  setlocale (LC_NUMERIC, "C");
  plain = smm_format_count (10000000);
  g_assert_cmpstr (plain, ==, "10000000");
  setlocale (LC_NUMERIC, saved);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/money/parse", test_parse);
  g_test_add_func ("/core/money/parse-invalid", test_parse_invalid);
  g_test_add_func ("/core/money/charge", test_charge);
  g_test_add_func ("/core/money/arithmetic", test_arithmetic);
  g_test_add_func ("/core/money/format-c", test_format_c);
  g_test_add_func ("/core/money/format-turkish", test_format_turkish);
  g_test_add_func ("/core/format/count", test_format_count);
  g_test_add_func ("/core/money/scale-convert", test_scale_convert);

  return g_test_run ();
}
