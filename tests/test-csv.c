/* test-csv.c: RFC 4180 in and out, and the orders export */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "smm-csv.h"
#include "smm-test-fixture.h"

static GPtrArray *
parse_ok (const char *text,
          char        separator)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = smm_csv_parse (text, -1, separator, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static const char *
field (GPtrArray *records,
       guint      record,
       guint      index)
{
  SmmCsvRecord *r = records->pdata[record];

  g_assert_cmpuint (index, <, smm_csv_record_get_size (r));
  return r->fields[index];
}

static void
test_parse (void)
{
  g_autoptr(GPtrArray) records = NULL;

  /* quoted separators, doubled quotes, a line end inside quotes, CRLF, BOM */
  records = parse_ok ("\xef\xbb\xbfservice,link,quantity\r\n"
                      "1,\"https://instagram.com/a,b\",100\r\n"
                      "2,\"say \"\"hi\"\"\",5\r\n"
                      "3,\"two\nlines\",7\r\n"
                      "4,,\n"
                      "\n"
                      "5,x,\"\"", ',');
  g_assert_cmpuint (records->len, ==, 7);
  g_assert_cmpstr (field (records, 0, 0), ==, "service");
  g_assert_cmpuint (((SmmCsvRecord *) records->pdata[0])->line, ==, 1);
  g_assert_cmpstr (field (records, 1, 1), ==, "https://instagram.com/a,b");
  g_assert_cmpuint (smm_csv_record_get_size (records->pdata[1]), ==, 3);
  g_assert_cmpstr (field (records, 2, 1), ==, "say \"hi\"");
  g_assert_cmpstr (field (records, 3, 1), ==, "two\nlines");
  /* the record after a field on two lines begins on line 6 */
  g_assert_cmpuint (((SmmCsvRecord *) records->pdata[4])->line, ==, 6);
  g_assert_cmpuint (smm_csv_record_get_size (records->pdata[4]), ==, 3);
  g_assert_cmpstr (field (records, 4, 2), ==, "");
  /* a blank line is one empty field */
  g_assert_cmpuint (smm_csv_record_get_size (records->pdata[5]), ==, 1);
  g_assert_cmpstr (field (records, 5, 0), ==, "");
  g_assert_cmpstr (field (records, 6, 2), ==, "");
  g_assert_cmpuint (((SmmCsvRecord *) records->pdata[6])->line, ==, 8);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* old Mac line ends, and a quote inside an unquoted field is kept */
  records = parse_ok ("a,b\rc,d\"e", ',');
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (field (records, 1, 1), ==, "d\"e");
  g_assert_cmpuint (((SmmCsvRecord *) records->pdata[1])->line, ==, 2);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* semicolons, as a Turkish spreadsheet saves */
  g_assert_cmpint (smm_csv_guess_separator ("# comment, with commas\nservis;bağlantı;miktar\n1;x;2", -1), ==, ';');
  g_assert_cmpint (smm_csv_guess_separator ("1,\"a;b;c\",3", -1), ==, ',');
  g_assert_cmpint (smm_csv_guess_separator ("1\tx\t3", -1), ==, '\t');
  g_assert_cmpint (smm_csv_guess_separator ("", -1), ==, ',');
  records = parse_ok ("1;\"0,90\";2", ';');
  g_assert_cmpstr (field (records, 0, 1), ==, "0,90");
}

static void
test_parse_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GString) big = g_string_new (NULL);

  records = smm_csv_parse ("a,b\n1,\"open\n2,3\n", -1, ',', 0, &error);
  g_assert_null (records);
  g_assert_error (error, SMM_CSV_ERROR, SMM_CSV_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "Line 2: a quoted field is never closed.");
  g_clear_error (&error);

  records = smm_csv_parse ("a,b\n\"x\"y,3\n", -1, ',', 0, &error);
  g_assert_error (error, SMM_CSV_ERROR, SMM_CSV_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "Line 2: there is text after the closing quote of a field.");
  g_clear_error (&error);

  /* Windows-1254, as an old Turkish spreadsheet might save "Beğeni" */
  records = smm_csv_parse ("1,Be\xf0" "eni,3", -1, ',', 0, &error);
  g_assert_error (error, SMM_CSV_ERROR, SMM_CSV_ERROR_ENCODING);
  g_clear_error (&error);
  /* a NUL byte is not text either */
  records = smm_csv_parse ("1,a\0b,3", 7, ',', 0, &error);
  g_assert_error (error, SMM_CSV_ERROR, SMM_CSV_ERROR_ENCODING);
  g_clear_error (&error);

  records = smm_csv_parse ("1\n2\n3\n4\n", -1, ',', 3, &error);
  g_assert_error (error, SMM_CSV_ERROR, SMM_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "The file has more than 3 lines.");
  g_clear_error (&error);
  records = smm_csv_parse ("1\n2\n3\n", -1, ',', 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  g_clear_pointer (&records, g_ptr_array_unref);

  while (big->len <= SMM_CSV_MAX_BYTES)
    g_string_append (big, "1,https://instagram.com/nasa,100\n");
  records = smm_csv_parse (big->str, big->len, ',', 0, &error);
  g_assert_error (error, SMM_CSV_ERROR, SMM_CSV_ERROR_TOO_LARGE);
}

static void
test_write (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *row[] = { "plain", "with,comma", "with \"quote\"", "two\r\nlines", "", "ç ğ ı İ ö ş ü" };
  g_autoptr(GPtrArray) back = NULL;

  smm_csv_append_row (out, row, G_N_ELEMENTS (row));
  g_assert_cmpstr (out->str, ==,
                   "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\r\nlines\",,ç ğ ı İ ö ş ü\r\n");

  /* what is written reads back the same */
  back = parse_ok (out->str, ',');
  g_assert_cmpuint (back->len, ==, 1);
  g_assert_cmpuint (smm_csv_record_get_size (back->pdata[0]), ==, G_N_ELEMENTS (row));
  for (guint i = 0; i < G_N_ELEMENTS (row); i++)
    g_assert_cmpstr (field (back, 0, i), ==, row[i]);
}

static SmmOrder *
make_order (gint64      local_id,
            gint64      panel_id,
            const char *name,
            const char *charge)
{
  SmmOrder *order = smm_order_new (panel_id);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 3, 14, 9, 26, 53);
  SmmMoney money;

  smm_order_set_local_id (order, local_id);
  smm_order_set_account_id (order, 1);
  smm_order_set_service_id (order, 7);
  smm_order_set_service_name (order, name);
  smm_order_set_link (order, "https://instagram.com/p/a?x=1,2");
  smm_order_set_quantity (order, 1000);
  if (charge)
    {
      g_assert_true (smm_money_parse (charge, &money, NULL));
      smm_order_set_charge (order, &money);
    }
  smm_order_set_currency (order, "TRY");
  smm_order_set_status_text (order, "Partial");
  smm_order_set_start_count (order, 3572);
  smm_order_set_remains (order, 157);
  smm_order_set_created (order, created);
  return order;
}

static void
test_orders (void)
{
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) back = NULL;
  SmmOrder *unsent;

  g_setenv ("TZ", "Europe/Istanbul", TRUE);
  tzset ();
  /* Turkish digits would write 12,5: the export must not */
  setlocale (LC_NUMERIC, "tr_TR.UTF-8");

  g_ptr_array_add (accounts, smm_account_new (1, "Panel \"Bir\"", "https://panel.example/api/v2"));
  g_ptr_array_add (orders, make_order (12, 23501, "Instagram Takipçi [Gerçek]", "12.5"));
  g_ptr_array_add (orders, make_order (13, 0, "=HYPERLINK(\"http://evil\")", NULL));
  unsent = orders->pdata[1];
  smm_order_set_start_count (unsent, -1);
  smm_order_set_remains (unsent, -1);
  smm_order_set_status_text (unsent, "Rejected");

  text = smm_csv_format_orders (orders, accounts);
  setlocale (LC_NUMERIC, "C");
  g_assert_cmpstr (text, ==,
                   "local_id,panel_id,account,service_id,service_name,link,quantity,charge,currency,status,"
                   "start_count,remains,created\r\n"
                   "12,23501,\"Panel \"\"Bir\"\"\",7,Instagram Takipçi [Gerçek],\"https://instagram.com/p/a?x=1,2\","
                   "1000,12.5,TRY,Partial,3572,157,2026-03-14T12:26:53+03:00\r\n"
                   "13,,\"Panel \"\"Bir\"\"\",7,\"'=HYPERLINK(\"\"http://evil\"\")\",\"https://instagram.com/p/a?x=1,2\","
                   "1000,,TRY,Rejected,,,2026-03-14T12:26:53+03:00\r\n");
  back = parse_ok (text, ',');
  g_assert_cmpuint (back->len, ==, 3);
  g_assert_cmpuint (smm_csv_record_get_size (back->pdata[2]), ==, 13);
  g_unsetenv ("TZ");
  tzset ();
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmmStore) store = smm_test_store_open (NULL);
  g_autoptr(SmmAccount) account = smm_test_account_add (store, "Demo", "https://demo.example/api/v2");
  g_autoptr(SmmService) service = smm_service_new (1, "Instagram Followers");
  g_autoptr(SmmOrderRequest) request = NULL;
  g_autoptr(SmmOrder) order = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "export.csv", NULL);
  g_autofree char *text = NULL;
  SmmOrderQuery query = { 0, SMM_ORDER_FILTER_ALL, 0, "nasa", 0 };
  guint n = 0;

  smm_service_set_rate (service, (SmmMoney) { 90000000 });
  request = smm_test_request_new (service, "https://instagram.com/nasa", "1000");
  order = smm_store_begin_order (store, smm_account_get_id (account), service, request, &error);
  g_assert_no_error (error);
  g_assert_true (smm_store_order_placed (store, smm_order_get_local_id (order), 777, &error));
  g_clear_object (&order);
  smm_order_request_set (request, SMM_FIELD_LINK, "https://instagram.com/esa");
  order = smm_store_begin_order (store, smm_account_get_id (account), service, request, &error);
  g_assert_no_error (error);

  /* the same filter as the orders list: only the first */
  g_assert_true (smm_csv_export_orders (store, &query, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "local_id,"));
  g_assert_nonnull (strstr (text, "\r\n1,777,Demo,1,Instagram Followers,https://instagram.com/nasa,1000,0.9,,Pending,"));
  g_assert_null (strstr (text, "esa"));
  smm_test_assert_finalized (g_steal_pointer (&store));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/csv/parse", test_parse);
  g_test_add_func ("/core/csv/parse-errors", test_parse_errors);
  g_test_add_func ("/core/csv/write", test_write);
  g_test_add_func ("/core/csv/orders", test_orders);
  g_test_add_func ("/core/csv/export", test_export);

  return g_test_run ();
}
