/* fuzz-csv-reader.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzz target for DeskCsvReader. Each input is read to its end twice: with the encoding
 * detected, then given (UTF-8 or CP932, by the first byte's low bit). Besides the sanitizers,
 * it checks what must hold of any file: a record read has valid UTF-8 fields; records start on
 * later and later lines, none past the file's last; only a file that cannot be read ends
 * early, and the reader says nothing after that; and the records read, written back as CSV,
 * read the same again. */

#include "config.h"

#include <string.h>

#include "desk-csv-reader.h"
#include "desk-test-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* Appends @fields to @csv as one line, every field quoted. */
static void
append_record (GString            *csv,
               const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      g_string_append_c (csv, '"');
      for (const char *p = fields[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  g_string_append_c (csv, '\n');
}

/* Reads @data to its end, checking as it goes; returns the fields of the records read. */
static GPtrArray *
read_all (const guint8    *data,
          gsize            size,
          DeskCsvEncoding  encoding)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(DeskCsvReader) reader = desk_csv_reader_new (stream, encoding);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint64 last_line = desk_test_count_line_breaks ((const char *) data, size) + 1;
  guint64 line = 0;
  guint64 bytes_read = 0;
  gboolean fatal = FALSE;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = desk_csv_reader_next (reader, NULL, &error);

      if (ok)
        g_assert_no_error (error);
      else if (error == NULL)
        break;
      else
        {
          g_assert_true (error->domain == DESK_CSV_ERROR);
          if (desk_csv_error_is_fatal (error))
            {
              /* Only the start can be fatal: a memory stream does not fail */
              g_assert_cmpint (error->code, !=, DESK_CSV_ERROR_IO);
              g_assert_cmpuint (line, ==, 0);
              fatal = TRUE;
              break;
            }
          g_assert_cmpuint (desk_csv_reader_get_n_fields (reader), ==, 0);
        }

      g_assert_cmpuint (desk_csv_reader_get_line (reader), >, line);
      line = desk_csv_reader_get_line (reader);
      g_assert_cmpuint (line, <=, last_line);
      g_assert_cmpuint (desk_csv_reader_get_bytes_read (reader), >=, bytes_read);
      bytes_read = desk_csv_reader_get_bytes_read (reader);
      g_assert_cmpuint (bytes_read, <=, size);
      g_assert_cmpint (desk_csv_reader_get_encoding (reader), !=, DESK_CSV_ENCODING_AUTO);

      if (ok)
        {
          guint n_fields = desk_csv_reader_get_n_fields (reader);
          GStrv fields = g_new0 (char *, n_fields + 1);

          g_assert_cmpuint (n_fields, >, 0);
          for (guint i = 0; i < n_fields; i++)
            {
              const char *field = desk_csv_reader_get_field (reader, i);

              g_assert_true (g_utf8_validate (field, strlen (field), NULL));
              fields[i] = g_strdup (field);
            }
          g_ptr_array_add (records, fields);
        }
    }

  /* The end is the end */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (desk_csv_reader_next (reader, NULL, &error));
      g_assert_no_error (error);
    }
  if (!fatal)
    g_assert_cmpuint (desk_csv_reader_get_bytes_read (reader), ==, size);

  return g_steal_pointer (&records);
}

static void
check (const guint8    *data,
       gsize            size,
       DeskCsvEncoding  encoding)
{
  g_autoptr(GPtrArray) records = read_all (data, size, encoding);
  g_autoptr(GPtrArray) written = g_ptr_array_new ();
  g_autoptr(GString) copy = g_string_new (NULL);
  g_autoptr(GPtrArray) records_again = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      gsize start = copy->len;

      append_record (copy, g_ptr_array_index (records, i));
      /* Quoting may make a record too long to be read again */
      if (copy->len - start - 1 > DESK_CSV_MAX_RECORD_BYTES)
        g_string_truncate (copy, start);
      else
        g_ptr_array_add (written, g_ptr_array_index (records, i));
    }
  if (written->len == 0)
    return;

  records_again = read_all ((const guint8 *) copy->str, copy->len, DESK_CSV_ENCODING_UTF8);
  g_assert_cmpuint (records_again->len, ==, written->len);
  for (guint i = 0; i < written->len; i++)
    g_assert_true (g_strv_equal (g_ptr_array_index (records_again, i),
                                 g_ptr_array_index (written, i)));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* A critical from a guard is a bug found, as in the tests (G_DEBUG=fatal-warnings) */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  check (data, size, DESK_CSV_ENCODING_AUTO);
  check (data, size, size > 0 && (data[0] & 1) ? DESK_CSV_ENCODING_CP932
                                                : DESK_CSV_ENCODING_UTF8);

  return 0;
}
