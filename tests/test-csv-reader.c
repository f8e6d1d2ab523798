/* test-csv-reader.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-csv-reader.h"
#include "desk-csv-writer.h"
#include "desk-test-csv.h"

/* The reader's block size and how much it looks at to tell the encoding (desk-csv-reader.c) */
#define BLOCK_SIZE (256 * 1024)
#define SNIFF_SIZE (64 * 1024)

#define GOOD (-1)

/* Helpers {{{ */

static DeskCsvReader *
reader_new (const char      *data,
            gsize            len,
            DeskCsvEncoding  encoding)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return desk_csv_reader_new (stream, encoding);
}

G_GNUC_NULL_TERMINATED static GStrv
strv_new (const char *first,
          ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);

  return g_strv_builder_end (builder);
}

static void
assert_record_v (DeskCsvReader      *reader,
                 guint64             line,
                 const char * const *fields)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = desk_csv_reader_next (reader, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (desk_csv_reader_get_line (reader), ==, line);
  g_assert_cmpuint (desk_csv_reader_get_n_fields (reader), ==,
                    g_strv_length ((char **) fields));
  for (guint i = 0; fields[i] != NULL; i++)
    g_assert_cmpstr (desk_csv_reader_get_field (reader, i), ==, fields[i]);
}

/* The next record is the NULL-terminated fields, and starts on @line. */
G_GNUC_NULL_TERMINATED static void
assert_record (DeskCsvReader *reader,
               guint64        line,
               ...)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  const char *field;
  va_list args;

  va_start (args, line);
  while ((field = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (fields, (gpointer) field);
  va_end (args);
  g_ptr_array_add (fields, NULL);

  assert_record_v (reader, line, (const char * const *) fields->pdata);
}

/* The next record is refused for @code, and the reader can go on. */
static void
assert_bad (DeskCsvReader *reader,
            guint64        line,
            DeskCsvError   code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (desk_csv_reader_next (reader, NULL, &error));
  g_assert_error (error, DESK_CSV_ERROR, (int) code);
  g_assert_false (desk_csv_error_is_fatal (error));
  g_assert_cmpuint (desk_csv_reader_get_line (reader), ==, line);
  g_assert_cmpuint (desk_csv_reader_get_n_fields (reader), ==, 0);
}

static void
assert_end (DeskCsvReader *reader)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (desk_csv_reader_next (reader, NULL, &error));
      g_assert_no_error (error);
    }
}

/* The file cannot be read, and the reader says nothing more after that. */
static void
assert_fatal (DeskCsvReader *reader,
              DeskCsvError   code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (desk_csv_reader_next (reader, NULL, &error));
  g_assert_error (error, DESK_CSV_ERROR, (int) code);
  g_assert_true (desk_csv_error_is_fatal (error));
  assert_end (reader);
}

/* }}} */
/* Generated inputs {{{ */

typedef struct
{
  guint64  line;
  int      error;     /* a DeskCsvError, or GOOD */
  GStrv    fields;
} Expected;

/* A large input built record by record, along with what reading it must give. */
typedef struct
{
  GString *csv;
  GArray  *expected;
  guint64  line;
  guint    n;
} Input;

static void
clear_expected (gpointer data)
{
  g_strfreev (((Expected *) data)->fields);
}

static Input *
input_new (void)
{
  Input *input = g_new0 (Input, 1);

  input->csv = g_string_new (NULL);
  input->expected = g_array_new (FALSE, TRUE, sizeof (Expected));
  g_array_set_clear_func (input->expected, clear_expected);
  input->line = 1;

  return input;
}

static void
input_free (Input *input)
{
  g_string_free (input->csv, TRUE);
  g_array_unref (input->expected);
  g_free (input);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Input, input_free)

/* Appends @text (of @len bytes, or up to its NUL for -1), one record that must read as
 * @fields (taken), or be refused with @error. */
static void
input_add (Input      *input,
           const char *text,
           gssize      len,
           int         error,
           GStrv       fields)
{
  Expected expected = { input->line, error, fields };

  if (len < 0)
    len = strlen (text);
  g_string_append_len (input->csv, text, len);
  g_array_append_val (input->expected, expected);
  input->line += desk_test_count_line_breaks (text, len);
}

/* Adds one-line records "N,x", then one "pad,ppp…" so that the next record starts at @offset. */
static void
input_fill_to (Input      *input,
               gsize       offset,
               const char *eol)
{
  g_autoptr(GString) pad = g_string_new ("pad,");
  g_autofree char *text = NULL;

  while (input->csv->len + 64 < offset)
    {
      g_autofree char *record = g_strdup_printf ("%u,x", input->n++);
      g_autofree char *line = g_strconcat (record, eol, NULL);

      input_add (input, line, -1, GOOD, g_strsplit (record, ",", -1));
    }

  while (input->csv->len + pad->len + strlen (eol) < offset)
    g_string_append_c (pad, 'p');
  text = g_strconcat (pad->str, eol, NULL);
  input_add (input, text, -1, GOOD, g_strsplit (pad->str, ",", -1));
  g_assert_cmpuint (input->csv->len, ==, offset);
}

/* Reads @input given @encoding, and checks it gives what it must, read as @found. */
static void
input_check (Input           *input,
             DeskCsvEncoding  encoding,
             DeskCsvEncoding  found)
{
  g_autoptr(DeskCsvReader) reader = reader_new (input->csv->str, input->csv->len, encoding);

  for (guint i = 0; i < input->expected->len; i++)
    {
      const Expected *expected = &g_array_index (input->expected, Expected, i);

      if (expected->error == GOOD)
        assert_record_v (reader, expected->line, (const char * const *) expected->fields);
      else
        assert_bad (reader, expected->line, expected->error);
    }
  assert_end (reader);
  g_assert_cmpint (desk_csv_reader_get_encoding (reader), ==, found);
  g_assert_cmpuint (desk_csv_reader_get_bytes_read (reader), ==, input->csv->len);
}

/* }}} */
/* Small inputs {{{ */

typedef struct
{
  guint64     line;     /* 0 ends the list */
  int         error;    /* a DeskCsvError, or GOOD */
  const char *fields[4];
} Record;

static const struct
{
  const char *name;
  const char *csv;
  Record      records[6];
} parse_cases[] = {
  { "lf", "a,b\nc,d\n",
    { { 1, GOOD, { "a", "b" } }, { 2, GOOD, { "c", "d" } } } },
  { "crlf", "a,b\r\nc,d\r\n",
    { { 1, GOOD, { "a", "b" } }, { 2, GOOD, { "c", "d" } } } },
  { "cr", "a,b\rc,d\r",
    { { 1, GOOD, { "a", "b" } }, { 2, GOOD, { "c", "d" } } } },
  { "no-final-break", "a,b\nc,d",
    { { 1, GOOD, { "a", "b" } }, { 2, GOOD, { "c", "d" } } } },
  { "mixed-breaks", "a\r\nb\nc\rd\r\n",
    { { 1, GOOD, { "a" } }, { 2, GOOD, { "b" } }, { 3, GOOD, { "c" } }, { 4, GOOD, { "d" } } } },
  { "blank-lines", "\n\na\n\r\n\r\rb\n\n",
    { { 3, GOOD, { "a" } }, { 7, GOOD, { "b" } } } },
  { "only-blank-lines", "\r\n\n\r", { { 0 } } },
  { "empty-fields", ",,\na,,b\n,",
    { { 1, GOOD, { "", "", "" } }, { 2, GOOD, { "a", "", "b" } }, { 3, GOOD, { "", "" } } } },
  { "spaces-kept", " a , b \n",
    { { 1, GOOD, { " a ", " b " } } } },
  { "quoted", "\"a,b\",\"c\"\"d\",\"\"\n\"\"\"\"\n",
    { { 1, GOOD, { "a,b", "c\"d", "" } }, { 2, GOOD, { "\"" } } } },
  /* Lenient: a quote inside an unquoted field is kept as it is */
  { "quote-in-unquoted", "ab\"c,d\n",
    { { 1, GOOD, { "ab\"c", "d" } } } },
  { "quoted-lf", "\"x\ny\",1\nnext,2\n\"p\n\nq\",3\nlast,4",
    { { 1, GOOD, { "x\ny", "1" } }, { 3, GOOD, { "next", "2" } },
      { 4, GOOD, { "p\n\nq", "3" } }, { 7, GOOD, { "last", "4" } } } },
  { "quoted-crlf", "\"x\r\ny\",1\r\nnext,2\r\n\"p\r\n\r\nq\",3\r\nlast,4\r\n",
    { { 1, GOOD, { "x\r\ny", "1" } }, { 3, GOOD, { "next", "2" } },
      { 4, GOOD, { "p\r\n\r\nq", "3" } }, { 7, GOOD, { "last", "4" } } } },
  { "quoted-cr", "\"x\ry\",1\rnext,2\r\"p\r\rq\",3\rlast,4\r",
    { { 1, GOOD, { "x\ry", "1" } }, { 3, GOOD, { "next", "2" } },
      { 4, GOOD, { "p\r\rq", "3" } }, { 7, GOOD, { "last", "4" } } } },
  { "bad-quote", "\"a\"b,c\nd,e\n\"a\" ,b\nf\n",
    { { 1, DESK_CSV_ERROR_BAD_QUOTE }, { 2, GOOD, { "d", "e" } },
      { 3, DESK_CSV_ERROR_BAD_QUOTE }, { 4, GOOD, { "f" } } } },
  /* The bad record's quoted line break is skipped with it */
  { "bad-quote-multiline", "\"a\nb\"x,\"c\nd\"\ne\n",
    { { 1, DESK_CSV_ERROR_BAD_QUOTE }, { 4, GOOD, { "e" } } } },
  { "unterminated-quote", "a,b\n\"c,d\ne,f\n",
    { { 1, GOOD, { "a", "b" } }, { 2, DESK_CSV_ERROR_UNTERMINATED_QUOTE } } },
  { "unterminated-quote-at-end", "a\n\"",
    { { 1, GOOD, { "a" } }, { 2, DESK_CSV_ERROR_UNTERMINATED_QUOTE } } },
  { "utf8", "名前,メモ\n山田,\"東京,大阪\"\n",
    { { 1, GOOD, { "名前", "メモ" } }, { 2, GOOD, { "山田", "東京,大阪" } } } },
  { "invalid-utf8", "ok,1\nbad\xff,2\n\"two\nlines\xc3\",3\nafter,4\n",
    { { 1, GOOD, { "ok", "1" } }, { 2, DESK_CSV_ERROR_ENCODING },
      { 3, DESK_CSV_ERROR_ENCODING }, { 5, GOOD, { "after", "4" } } } },
};

static void
test_parse (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  g_autoptr(DeskCsvReader) reader = reader_new (parse_cases[index].csv,
                                                strlen (parse_cases[index].csv),
                                                DESK_CSV_ENCODING_UTF8);

  for (const Record *record = parse_cases[index].records; record->line != 0; record++)
    {
      if (record->error == GOOD)
        assert_record_v (reader, record->line, record->fields);
      else
        assert_bad (reader, record->line, record->error);
    }
  assert_end (reader);
  g_assert_cmpuint (desk_csv_reader_get_bytes_read (reader), ==,
                    strlen (parse_cases[index].csv));
}

static void
test_bom (void)
{
  static const char csv[] = "\xef\xbb\xbfid,名前\r\n1,山田\r\n";
  g_autoptr(DeskCsvReader) reader = reader_new (csv, strlen (csv), DESK_CSV_ENCODING_AUTO);

  g_assert_cmpint (desk_csv_reader_get_encoding (reader), ==, DESK_CSV_ENCODING_AUTO);
  assert_record (reader, 1, "id", "名前", NULL);
  g_assert_cmpint (desk_csv_reader_get_encoding (reader), ==, DESK_CSV_ENCODING_UTF8);
  assert_record (reader, 2, "1", "山田", NULL);
  assert_end (reader);
}

static void
test_empty (void)
{
  static const char *inputs[] = { "", "\xef\xbb\xbf" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(DeskCsvReader) reader = reader_new (inputs[i], strlen (inputs[i]),
                                                    DESK_CSV_ENCODING_AUTO);

      assert_fatal (reader, DESK_CSV_ERROR_EMPTY);
    }
}

static void
test_not_text (void)
{
  static const struct
  {
    const char *data;
    gsize       len;
  } inputs[] = {
    { "\xff\xfe" "a\0,\0b\0\n\0", 10 },   /* UTF-16 LE */
    { "\xfe\xff\0a\0,\0b\0\n", 10 },      /* UTF-16 BE */
    { "a,b\n\x7f" "ELF\x02\x01\x01\0\0\0", 14 },  /* binary */
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(DeskCsvReader) reader = reader_new (inputs[i].data, inputs[i].len,
                                                    DESK_CSV_ENCODING_UTF8);

      assert_fatal (reader, DESK_CSV_ERROR_NOT_TEXT);
    }
}

static void
test_error_is_fatal (void)
{
  static const struct
  {
    DeskCsvError code;
    gboolean     fatal;
  } cases[] = {
    { DESK_CSV_ERROR_EMPTY, TRUE },
    { DESK_CSV_ERROR_NOT_TEXT, TRUE },
    { DESK_CSV_ERROR_IO, TRUE },
    { DESK_CSV_ERROR_ENCODING, FALSE },
    { DESK_CSV_ERROR_UNTERMINATED_QUOTE, FALSE },
    { DESK_CSV_ERROR_BAD_QUOTE, FALSE },
    { DESK_CSV_ERROR_TOO_LONG, FALSE },
    { DESK_CSV_ERROR_NUL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (DESK_CSV_ERROR, cases[i].code, "");

      g_assert_cmpint (desk_csv_error_is_fatal (error), ==, cases[i].fatal);
    }

  {
    g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "");

    g_assert_true (desk_csv_error_is_fatal (error));
  }
}

/* }}} */
/* Large inputs {{{ */

/* A line break split by the end of a block: a CR as its last byte, then the LF or not. */
static void
test_block_break (gconstpointer data)
{
  const char *eol = data;
  g_autoptr(Input) input = input_new ();
  g_autofree char *after = g_strconcat ("after,1", eol, NULL);

  input_fill_to (input, BLOCK_SIZE - 1 + strlen (eol), eol);
  g_assert_cmpint (input->csv->str[BLOCK_SIZE - 1], ==, eol[0]);
  input_add (input, after, -1, GOOD, strv_new ("after", "1", NULL));
  input_add (input, "last,2", -1, GOOD, strv_new ("last", "2", NULL));

  input_check (input, DESK_CSV_ENCODING_UTF8, DESK_CSV_ENCODING_UTF8);
}

static void
test_block_quoted (void)
{
  g_autoptr(Input) input = input_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  /* A doubled quote split by the end of the first block */
  input_fill_to (input, BLOCK_SIZE - 4, "\n");
  input_add (input, "\"ab\"\"c\r\nd\",q\n", -1, GOOD, strv_new ("ab\"c\r\nd", "q", NULL));
  g_assert_cmpint (input->csv->str[BLOCK_SIZE - 1], ==, '"');
  g_assert_cmpint (input->csv->str[BLOCK_SIZE], ==, '"');

  /* A quoted CR LF split by the end of the second */
  input_fill_to (input, 2 * BLOCK_SIZE - 3, "\n");
  input_add (input, "\"x\r\ny\",2\n", -1, GOOD, strv_new ("x\r\ny", "2", NULL));
  g_assert_cmpint (input->csv->str[2 * BLOCK_SIZE - 1], ==, '\r');

  /* A long quoted field over the end of the third */
  input_fill_to (input, 3 * BLOCK_SIZE - 1000, "\n");
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (field, "%02u, \"line\"\n", i);
  desk_csv_append_field (text, field->str);
  g_string_append_c (text, '\n');
  input_add (input, text->str, -1, GOOD, strv_new (field->str, NULL));
  g_assert_cmpuint (input->csv->len, >, 3 * BLOCK_SIZE);

  input_add (input, "end,3", -1, GOOD, strv_new ("end", "3", NULL));
  input_check (input, DESK_CSV_ENCODING_UTF8, DESK_CSV_ENCODING_UTF8);
}

static void
test_too_long (void)
{
  g_autoptr(Input) input = input_new ();
  g_autoptr(GString) longest = g_string_new ("a,");
  g_autoptr(GString) text = NULL;

  while (longest->len < DESK_CSV_MAX_RECORD_BYTES)
    g_string_append_c (longest, 'b');
  text = g_string_new (longest->str);
  g_string_append_c (text, '\n');
  input_add (input, text->str, -1, GOOD, strv_new ("a", longest->str + 2, NULL));

  /* One byte more, and the same in quotes over many lines: the lines skipped are counted */
  g_string_insert_c (text, 2, 'b');
  input_add (input, text->str, -1, DESK_CSV_ERROR_TOO_LONG, NULL);
  g_string_assign (text, "\"");
  for (guint i = 0; i < DESK_CSV_MAX_RECORD_BYTES / 2; i++)
    g_string_append (text, "x\n");
  g_string_append (text, "\"\r\n");
  input_add (input, text->str, -1, DESK_CSV_ERROR_TOO_LONG, NULL);

  input_add (input, "ok,1\n", -1, GOOD, strv_new ("ok", "1", NULL));
  input_check (input, DESK_CSV_ENCODING_AUTO, DESK_CSV_ENCODING_UTF8);
}

/* NUL bytes past the start of the file, which would have made it binary data. The text before
 * them tells the encoding: 名前 in UTF-8 would also pass as CP932. */
static void
test_nul (void)
{
  g_autoptr(Input) input = input_new ();

  input_fill_to (input, 9000, "\n");
  input_add (input, "a\0b,c\n", 6, DESK_CSV_ERROR_NUL, NULL);
  input_add (input, "\"q\0\nq\",c\n", 9, DESK_CSV_ERROR_NUL, NULL);
  input_add (input, "1,名前\n", -1, GOOD, strv_new ("1", "名前", NULL));

  input_check (input, DESK_CSV_ENCODING_AUTO, DESK_CSV_ENCODING_UTF8);
}

/* Invalid UTF-8 well into a file the start of which tells its encoding */
static void
test_invalid_utf8 (void)
{
  g_autoptr(Input) input = input_new ();

  while (input->csv->len < 100000)
    {
      g_autofree char *number = g_strdup_printf ("%u", input->n++);
      g_autofree char *text = g_strdup_printf ("%s,山田\n", number);

      input_add (input, text, -1, GOOD, strv_new (number, "山田", NULL));
    }
  input_add (input, "x,\"\xe5\xb1\n\xb1\"\n", -1, DESK_CSV_ERROR_ENCODING, NULL);
  input_add (input, "y,山田\n", -1, GOOD, strv_new ("y", "山田", NULL));

  input_check (input, DESK_CSV_ENCODING_AUTO, DESK_CSV_ENCODING_UTF8);
}

/* }}} */
/* CP932 {{{ */

/* In UTF-8, converted by the test. Half-width katakana take one byte in CP932 and three in
 * UTF-8; ソ, 表 and 能 have a backslash as their second byte; ①, 髙 and 﨑 are CP932, not
 * Shift_JIS. */
static const char cp932_csv[] =
  "顧客番号,氏名,メモ\r\n"
  "1,山田 太郎,\"カンマ,と\"\"引用\"\"\"\r\n"
  "2,ﾔﾏﾀﾞ ﾀﾛｳ,表ソ能\r\n"
  "3,\"改行\r\nあり\",①髙﨑\r\n"
  "4,end,\r\n";

static const Record cp932_records[] = {
  { 1, GOOD, { "顧客番号", "氏名", "メモ" } },
  { 2, GOOD, { "1", "山田 太郎", "カンマ,と\"引用\"" } },
  { 3, GOOD, { "2", "ﾔﾏﾀﾞ ﾀﾛｳ", "表ソ能" } },
  { 4, GOOD, { "3", "改行\r\nあり", "①髙﨑" } },
  { 6, GOOD, { "4", "end", "" } },
};

static void
test_cp932 (gconstpointer data)
{
  DeskCsvEncoding encoding = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *csv = g_convert (cp932_csv, -1, "CP932", "UTF-8", NULL, &len, &error);
  g_autoptr(DeskCsvReader) reader = NULL;

  g_assert_no_error (error);
  reader = reader_new (csv, len, encoding);

  for (guint i = 0; i < G_N_ELEMENTS (cp932_records); i++)
    {
      /* Only the last record is ASCII */
      if (encoding == DESK_CSV_ENCODING_UTF8 && i + 1 < G_N_ELEMENTS (cp932_records))
        assert_bad (reader, cp932_records[i].line, DESK_CSV_ERROR_ENCODING);
      else
        assert_record_v (reader, cp932_records[i].line, cp932_records[i].fields);
    }
  assert_end (reader);
  g_assert_cmpint (desk_csv_reader_get_encoding (reader), ==,
                   encoding == DESK_CSV_ENCODING_UTF8 ? DESK_CSV_ENCODING_UTF8
                                                      : DESK_CSV_ENCODING_CP932);
}

/* The part that tells the encoding ends in the middle of a character */
static void
test_cp932_cut (void)
{
  g_autoptr(Input) input = input_new ();
  g_autoptr(GString) pad = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *field = NULL;

  while (input->csv->len + 100 < SNIFF_SIZE)
    {
      g_autofree char *number = g_strdup_printf ("%u", input->n++);
      g_autofree char *line = g_strconcat (number, ",\x8e\x52\n", NULL);

      input_add (input, line, -1, GOOD, strv_new (number, "山", NULL));
    }
  while (input->csv->len + pad->len + 1 < SNIFF_SIZE)
    g_string_append_c (pad, 'p');
  text = g_strconcat (pad->str, "\x8e\x52\n", NULL);
  field = g_strconcat (pad->str, "山", NULL);
  input_add (input, text, -1, GOOD, strv_new (field, NULL));
  g_assert_cmpint ((guint8) input->csv->str[SNIFF_SIZE - 1], ==, 0x8e);

  input_check (input, DESK_CSV_ENCODING_AUTO, DESK_CSV_ENCODING_CP932);
}

/* A lead byte without its second byte, at the end of a field */
static void
test_invalid_cp932 (void)
{
  static const char csv[] = "1,\x8e\x52\n2,\x82\n3,\x82,x\n4,ok\n";
  g_autoptr(DeskCsvReader) reader = reader_new (csv, strlen (csv), DESK_CSV_ENCODING_CP932);

  assert_record (reader, 1, "1", "山", NULL);
  assert_bad (reader, 2, DESK_CSV_ERROR_ENCODING);
  assert_bad (reader, 3, DESK_CSV_ERROR_ENCODING);
  assert_record (reader, 4, "4", "ok", NULL);
  assert_end (reader);
}

/* }}} */
/* Failing input {{{ */

/* A stream that gives its bytes, then fails: a file on a disk that goes away. */
#define TEST_TYPE_FAILING_STREAM (test_failing_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestFailingStream, test_failing_stream, TEST, FAILING_STREAM, GInputStream)

struct _TestFailingStream
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         pos;
};

G_DEFINE_FINAL_TYPE (TestFailingStream, test_failing_stream, G_TYPE_INPUT_STREAM)

static gssize
test_failing_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestFailingStream *self = TEST_FAILING_STREAM (stream);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (self->bytes, &len);

  if (self->pos == len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the disk went away");
      return -1;
    }

  count = MIN (count, len - self->pos);
  memcpy (buffer, data + self->pos, count);
  self->pos += count;

  return count;
}

static void
test_failing_stream_finalize (GObject *object)
{
  g_bytes_unref (TEST_FAILING_STREAM (object)->bytes);

  G_OBJECT_CLASS (test_failing_stream_parent_class)->finalize (object);
}

static void
test_failing_stream_class_init (TestFailingStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_failing_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_failing_stream_read;
}

static void
test_failing_stream_init (TestFailingStream *self)
{
}

static GInputStream *
test_failing_stream_new (const char *data,
                         gsize       len)
{
  TestFailingStream *self = g_object_new (TEST_TYPE_FAILING_STREAM, NULL);

  self->bytes = g_bytes_new (data, len);

  return G_INPUT_STREAM (self);
}

static void
test_io_error (void)
{
  g_autoptr(Input) input = input_new ();
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(DeskCsvReader) reader = NULL;

  /* The first block is read whole; the failure comes with the second */
  input_fill_to (input, BLOCK_SIZE, "\n");
  g_string_append (input->csv, "cut,off\n");
  stream = test_failing_stream_new (input->csv->str, input->csv->len);
  reader = desk_csv_reader_new (stream, DESK_CSV_ENCODING_AUTO);

  for (guint i = 0; i < input->expected->len; i++)
    {
      const Expected *expected = &g_array_index (input->expected, Expected, i);

      assert_record_v (reader, expected->line, (const char * const *) expected->fields);
    }
  assert_fatal (reader, DESK_CSV_ERROR_IO);
}

static void
test_io_error_at_start (void)
{
  g_autoptr(GInputStream) stream = test_failing_stream_new ("", 0);
  g_autoptr(DeskCsvReader) reader = desk_csv_reader_new (stream, DESK_CSV_ENCODING_AUTO);

  assert_fatal (reader, DESK_CSV_ERROR_IO);
}

/* }}} */
/* Writer {{{ */

static const struct
{
  const char *text;
  const char *written;
  const char *read;     /* what a reader gets back */
} append_cases[] = {
  { NULL, "", "" },
  { "", "", "" },
  { "plain", "plain", "plain" },
  { "名前", "名前", "名前" },
  { "a=b", "a=b", "a=b" },
  { "a,b", "\"a,b\"", "a,b" },
  { "say \"hi\"", "\"say \"\"hi\"\"\"", "say \"hi\"" },
  { "two\nlines", "\"two\nlines\"", "two\nlines" },
  { "cr\r", "\"cr\r\"", "cr\r" },
  { " lead", "\" lead\"", " lead" },
  { "trail ", "\"trail \"", "trail " },
  /* Formulas a spreadsheet program would run */
  { "=SUM(A1:A9)", "\"'=SUM(A1:A9)\"", "'=SUM(A1:A9)" },
  { "+81 3", "\"'+81 3\"", "'+81 3" },
  { "-1", "\"'-1\"", "'-1" },
  { "@cmd", "\"'@cmd\"", "'@cmd" },
  { "\tx", "\"'\tx\"", "'\tx" },
  { "\rx", "\"'\rx\"", "'\rx" },
  { "=\"a\",b", "\"'=\"\"a\"\",b\"", "'=\"a\",b" },
};

static void
test_append_field (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(DeskCsvReader) reader = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (append_cases); i++)
    {
      g_autoptr(GString) one = g_string_new ("x,");

      desk_csv_append_field (one, append_cases[i].text);
      g_assert_cmpstr (one->str + 2, ==, append_cases[i].written);

      if (i > 0)
        g_string_append_c (line, ',');
      desk_csv_append_field (line, append_cases[i].text);
    }

  /* All of them in one record, read back */
  reader = reader_new (line->str, line->len, DESK_CSV_ENCODING_UTF8);
  g_assert_true (desk_csv_reader_next (reader, NULL, NULL));
  g_assert_cmpuint (desk_csv_reader_get_n_fields (reader), ==, G_N_ELEMENTS (append_cases));
  for (guint i = 0; i < G_N_ELEMENTS (append_cases); i++)
    g_assert_cmpstr (desk_csv_reader_get_field (reader, i), ==, append_cases[i].read);
  assert_end (reader);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/desk/csv-reader/parse/", parse_cases[i].name, NULL);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_parse);
    }
  g_test_add_func ("/desk/csv-reader/bom", test_bom);
  g_test_add_func ("/desk/csv-reader/empty", test_empty);
  g_test_add_func ("/desk/csv-reader/not-text", test_not_text);
  g_test_add_func ("/desk/csv-reader/error-is-fatal", test_error_is_fatal);
  g_test_add_data_func ("/desk/csv-reader/block/crlf", "\r\n", test_block_break);
  g_test_add_data_func ("/desk/csv-reader/block/cr", "\r", test_block_break);
  g_test_add_func ("/desk/csv-reader/block/quoted", test_block_quoted);
  g_test_add_func ("/desk/csv-reader/too-long", test_too_long);
  g_test_add_func ("/desk/csv-reader/nul", test_nul);
  g_test_add_func ("/desk/csv-reader/invalid-utf8", test_invalid_utf8);
  g_test_add_data_func ("/desk/csv-reader/cp932/auto",
                        GINT_TO_POINTER (DESK_CSV_ENCODING_AUTO), test_cp932);
  g_test_add_data_func ("/desk/csv-reader/cp932/given",
                        GINT_TO_POINTER (DESK_CSV_ENCODING_CP932), test_cp932);
  g_test_add_data_func ("/desk/csv-reader/cp932/read-as-utf8",
                        GINT_TO_POINTER (DESK_CSV_ENCODING_UTF8), test_cp932);
  g_test_add_func ("/desk/csv-reader/cp932/cut", test_cp932_cut);
  g_test_add_func ("/desk/csv-reader/cp932/invalid", test_invalid_cp932);
  g_test_add_func ("/desk/csv-reader/io-error", test_io_error);
  g_test_add_func ("/desk/csv-reader/io-error-at-start", test_io_error_at_start);
  g_test_add_func ("/desk/csv-writer/append-field", test_append_field);

  return g_test_run ();
}
