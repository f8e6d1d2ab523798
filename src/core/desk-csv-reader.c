/* desk-csv-reader.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A streaming RFC 4180 reader for files of millions of records: it reads the stream in large
 * blocks, keeps one record at a time and copies each byte once. Quoted fields may hold commas,
 * doubled quotes and line breaks; lines end in LF, CRLF or a lone CR; blank lines are skipped.
 * The structure is parsed on the raw bytes, which is safe for CP932 as well: its second bytes
 * are never a quote, a comma, CR or LF. Each field is then checked (UTF-8) or converted (CP932).
 *
 * A bad record is reported with the line it starts on and skipped, so that a caller can go on
 * and collect every bad record of a file; only an unreadable file ends the reading. */

#define G_LOG_DOMAIN "desk-csv-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "desk-csv-reader.h"

/* Fuzzing builds read in small blocks, so that inputs of a few hundred bytes cross them */
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
#define BLOCK_SIZE 256
#else
#define BLOCK_SIZE (256 * 1024)
#endif

/* How much of the file's start decides its encoding when none is given. */
#define SNIFF_SIZE (64 * 1024)

typedef enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED,  /* a quote inside a quoted field: doubled, or the field's end */
} ParseState;

struct _DeskCsvReader
{
  GObject          parent_instance;

  GInputStream    *stream;
  DeskCsvEncoding  encoding;
  GIConv           converter;

  guint8          *block;
  gsize            block_len;
  gsize            block_pos;
  guint64          block_offset;  /* of block[0] in the stream */
  gboolean         started;
  gboolean         at_end;
  gboolean         failed;

  guint64          line;          /* the next byte's line, from 1 */
  guint64          record_line;

  GByteArray      *raw;           /* the record's fields, each ended by a NUL */
  GArray          *raw_starts;    /* guint offsets into raw */
  GByteArray      *text;          /* the same, converted to UTF-8 (CP932 only) */
  GArray          *text_starts;
};

G_DEFINE_FINAL_TYPE (DeskCsvReader, desk_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (desk-csv-error-quark, desk_csv_error)

/**
 * desk_csv_error_is_fatal:
 *
 * Whether @error ends the file, rather than rejecting one record of it.
 */
gboolean
desk_csv_error_is_fatal (const GError *error)
{
  return !g_error_matches (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING) &&
         !g_error_matches (error, DESK_CSV_ERROR, DESK_CSV_ERROR_UNTERMINATED_QUOTE) &&
         !g_error_matches (error, DESK_CSV_ERROR, DESK_CSV_ERROR_BAD_QUOTE) &&
         !g_error_matches (error, DESK_CSV_ERROR, DESK_CSV_ERROR_TOO_LONG) &&
         !g_error_matches (error, DESK_CSV_ERROR, DESK_CSV_ERROR_NUL);
}

static void
desk_csv_reader_finalize (GObject *object)
{
  DeskCsvReader *self = (DeskCsvReader *)object;

  g_clear_object (&self->stream);
  if (self->converter != (GIConv) -1)
    g_iconv_close (self->converter);
  g_free (self->block);
  g_byte_array_unref (self->raw);
  g_array_unref (self->raw_starts);
  g_byte_array_unref (self->text);
  g_array_unref (self->text_starts);

  G_OBJECT_CLASS (desk_csv_reader_parent_class)->finalize (object);
}

static void
desk_csv_reader_class_init (DeskCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_csv_reader_finalize;
}

static void
desk_csv_reader_init (DeskCsvReader *self)
{
  self->converter = (GIConv) -1;
  self->block = g_malloc (BLOCK_SIZE);
  self->line = 1;
  self->raw = g_byte_array_sized_new (1024);
  self->raw_starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), 16);
  self->text = g_byte_array_sized_new (1024);
  self->text_starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), 16);
}

/**
 * desk_csv_reader_new:
 * @encoding: the file's encoding, or %DESK_CSV_ENCODING_AUTO to tell it from the first bytes
 */
DeskCsvReader *
desk_csv_reader_new (GInputStream    *stream,
                     DeskCsvEncoding  encoding)
{
  DeskCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (DESK_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  self->encoding = encoding;

  return self;
}

/* Input {{{ */

/* Moves what is left of the block to its start and reads more after it, until the block is full
 * or the stream ends. */
static gboolean
fill_block (DeskCsvReader  *self,
            GCancellable   *cancellable,
            GError        **error)
{
  gsize left = self->block_len - self->block_pos;
  gsize n_read = 0;
  g_autoptr(GError) local_error = NULL;

  memmove (self->block, self->block + self->block_pos, left);
  self->block_offset += self->block_pos;
  self->block_pos = 0;

  if (!g_input_stream_read_all (self->stream, self->block + left, BLOCK_SIZE - left, &n_read,
                                cancellable, &local_error))
    {
      self->failed = TRUE;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_IO,
                     _("The file could not be read: %s"), local_error->message);
      return FALSE;
    }

  self->block_len = left + n_read;
  self->at_end = self->block_len < BLOCK_SIZE;

  return TRUE;
}

/* Whether @data[0..@len) is UTF-8, allowing a character cut off by the end of a sample. */
static gboolean
is_utf8_prefix (const guint8 *data,
                gsize         len,
                gboolean      cut)
{
  const char *end;

  if (g_utf8_validate_len ((const char *) data, len, &end))
    return TRUE;

  return cut && len - (gsize) ((const guint8 *) end - data) < 4 &&
         g_utf8_get_char_validated (end, len - (gsize) ((const guint8 *) end - data)) ==
           (gunichar) -2;
}

static gboolean
is_cp932 (const guint8 *data,
          gsize         len,
          gboolean      cut)
{
  g_autofree char *converted = NULL;
  g_autoptr(GError) error = NULL;

  /* Without bytes_read, g_convert() fails on a character cut off at the end */
  converted = g_convert ((const char *) data, len, "UTF-8", "CP932", NULL, NULL, &error);
  if (converted != NULL)
    return TRUE;

  /* A two-byte character cut in half by the end of the sample */
  return cut && g_error_matches (error, G_CONVERT_ERROR, G_CONVERT_ERROR_PARTIAL_INPUT);
}

/* Reads the first block, skips a byte-order mark and settles the encoding. */
static gboolean
start (DeskCsvReader  *self,
       GCancellable   *cancellable,
       GError        **error)
{
  static const guint8 utf8_bom[] = { 0xef, 0xbb, 0xbf };
  gsize sniff;

  self->started = TRUE;
  if (!fill_block (self, cancellable, error))
    return FALSE;

  if (self->block_len >= 3 && memcmp (self->block, utf8_bom, 3) == 0)
    {
      self->block_pos = 3;
      if (self->encoding == DESK_CSV_ENCODING_AUTO)
        self->encoding = DESK_CSV_ENCODING_UTF8;
    }
  else if (self->block_len >= 2 &&
           ((self->block[0] == 0xff && self->block[1] == 0xfe) ||
            (self->block[0] == 0xfe && self->block[1] == 0xff)))
    {
      self->failed = TRUE;
      g_set_error_literal (error, DESK_CSV_ERROR, DESK_CSV_ERROR_NOT_TEXT,
                           _("The file is in UTF-16: save it as CSV in UTF-8 and import it again"));
      return FALSE;
    }

  /* Also a file that is only a byte-order mark */
  if (self->block_pos == self->block_len)
    {
      self->failed = TRUE;
      g_set_error_literal (error, DESK_CSV_ERROR, DESK_CSV_ERROR_EMPTY, _("The file is empty"));
      return FALSE;
    }

  sniff = MIN (self->block_len - self->block_pos, SNIFF_SIZE);
  if (memchr (self->block + self->block_pos, '\0', MIN (sniff, 8192)) != NULL)
    {
      self->failed = TRUE;
      g_set_error_literal (error, DESK_CSV_ERROR, DESK_CSV_ERROR_NOT_TEXT,
                           _("The file is not a CSV file: it holds binary data"));
      return FALSE;
    }

  if (self->encoding == DESK_CSV_ENCODING_AUTO)
    {
      const guint8 *sample = self->block + self->block_pos;
      const guint8 *nul = memchr (sample, '\0', sniff);
      gboolean cut = !self->at_end || sniff < self->block_len - self->block_pos;

      /* A NUL byte past the part checked above is a bad record's, and would make any sample
       * fail as UTF-8 (and pass as CP932): the text before it decides. */
      if (nul != NULL)
        sniff = (gsize) (nul - sample);

      /* Anything that reads as UTF-8 is taken as UTF-8: CP932 text of any length almost never
       * does. What is neither is read as UTF-8, so that its bad lines are the ones reported. */
      if (!is_utf8_prefix (sample, sniff, cut) && is_cp932 (sample, sniff, cut))
        self->encoding = DESK_CSV_ENCODING_CP932;
      else
        self->encoding = DESK_CSV_ENCODING_UTF8;
    }

  if (self->encoding == DESK_CSV_ENCODING_CP932)
    self->converter = g_iconv_open ("UTF-8", "CP932");

  return TRUE;
}

/* }}} */
/* Records {{{ */

static void
begin_field (DeskCsvReader *self)
{
  guint start = self->raw->len;

  g_array_append_val (self->raw_starts, start);
}

static void
end_field (DeskCsvReader *self)
{
  g_byte_array_append (self->raw, (const guint8 *) "", 1);
}

/* Converts or checks each field of the record just read. */
static gboolean
decode_record (DeskCsvReader  *self,
               GError        **error)
{
  if (self->encoding == DESK_CSV_ENCODING_UTF8)
    {
      for (guint i = 0; i < self->raw_starts->len; i++)
        {
          const char *field = (const char *) self->raw->data + g_array_index (self->raw_starts,
                                                                              guint, i);

          if (!g_utf8_validate (field, -1, NULL))
            {
              g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING,
                           _("field %u is not valid UTF-8 text"), i + 1);
              return FALSE;
            }
        }
      return TRUE;
    }

  g_byte_array_set_size (self->text, 0);
  g_array_set_size (self->text_starts, 0);

  for (guint i = 0; i < self->raw_starts->len; i++)
    {
      char *in = (char *) self->raw->data + g_array_index (self->raw_starts, guint, i);
      gsize in_left = strlen (in);
      guint start = self->text->len;

      g_array_append_val (self->text_starts, start);

      /* A CP932 byte becomes at most three bytes of UTF-8: a half-width katakana does */
      g_byte_array_set_size (self->text, start + in_left * 3 + 1);
      {
        char *out = (char *) self->text->data + start;
        gsize out_left = self->text->len - start;

        g_iconv (self->converter, NULL, NULL, NULL, NULL);
        if (g_iconv (self->converter, &in, &in_left, &out, &out_left) == (gsize) -1 ||
            in_left > 0)
          {
            g_set_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING,
                         _("field %u is not valid CP932 (Shift_JIS) text"), i + 1);
            return FALSE;
          }
        *out++ = '\0';
        g_byte_array_set_size (self->text, (guint) ((guint8 *) out - self->text->data));
      }
    }

  return TRUE;
}

/* Reads the next record into raw; see desk_csv_reader_next(). */
static gboolean
read_record (DeskCsvReader  *self,
             GCancellable   *cancellable,
             GError        **error)
{
  ParseState state = FIELD_START;
  gsize record_bytes = 0;
  gboolean record_started = FALSE;
  gboolean in_quotes = FALSE;
  gboolean after_cr = FALSE;
  int failure = -1;

  g_byte_array_set_size (self->raw, 0);
  g_array_set_size (self->raw_starts, 0);
  self->record_line = self->line;

  for (;;)
    {
      guint8 c;

      if (self->block_pos == self->block_len)
        {
          if (self->at_end)
            break;
          if (!fill_block (self, cancellable, error))
            return FALSE;
          continue;
        }

      c = self->block[self->block_pos];

      /* A line break ends the record unless it is quoted. CR LF is one break. */
      if ((c == '\n' || c == '\r') && !in_quotes)
        {
          self->block_pos++;
          if (c == '\r')
            {
              if (self->block_pos == self->block_len && !self->at_end &&
                  !fill_block (self, cancellable, error))
                return FALSE;
              if (self->block_pos < self->block_len && self->block[self->block_pos] == '\n')
                self->block_pos++;
            }
          self->line++;

          if (!record_started)
            {
              /* A blank line holds no record */
              self->record_line = self->line;
              continue;
            }
          break;
        }

      record_started = TRUE;

      /* The common case: a run of plain bytes inside a field, copied at once */
      if (failure < 0 && (state == UNQUOTED || state == QUOTED))
        {
          gsize end = self->block_pos;
          gsize run;

          while (end < self->block_len &&
                 self->block[end] != '"' && self->block[end] != '\n' &&
                 self->block[end] != '\r' && self->block[end] != '\0' &&
                 (self->block[end] != ',' || state == QUOTED))
            end++;

          run = end - self->block_pos;
          if (run > 0)
            {
              after_cr = FALSE;
              record_bytes += run;
              if (record_bytes > DESK_CSV_MAX_RECORD_BYTES)
                failure = DESK_CSV_ERROR_TOO_LONG;
              else
                g_byte_array_append (self->raw, self->block + self->block_pos, run);
              self->block_pos = end;
              continue;
            }
        }

      self->block_pos++;
      /* A quoted line break: CR LF counts once, a lone CR or LF once each */
      if (c == '\r' || (c == '\n' && !after_cr))
        self->line++;
      after_cr = c == '\r';

      if (failure >= 0)
        {
          /* Skipping the rest of a bad record: only quotes matter */
          if (c == '"')
            in_quotes = !in_quotes;
          continue;
        }

      if (++record_bytes > DESK_CSV_MAX_RECORD_BYTES)
        {
          failure = DESK_CSV_ERROR_TOO_LONG;
          continue;
        }

      if (c == '\0')
        {
          failure = DESK_CSV_ERROR_NUL;
          continue;
        }

      switch (state)
        {
        case FIELD_START:
          begin_field (self);
          if (c == '"')
            {
              state = QUOTED;
              in_quotes = TRUE;
            }
          else if (c == ',')
            end_field (self);
          else
            {
              g_byte_array_append (self->raw, &c, 1);
              state = UNQUOTED;
            }
          break;

        case UNQUOTED:
          if (c == ',')
            {
              end_field (self);
              state = FIELD_START;
            }
          else
            g_byte_array_append (self->raw, &c, 1);
          break;

        case QUOTED:
          if (c == '"')
            {
              state = QUOTE_IN_QUOTED;
              in_quotes = FALSE;
            }
          else
            g_byte_array_append (self->raw, &c, 1);
          break;

        case QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_byte_array_append (self->raw, &c, 1);
              state = QUOTED;
              in_quotes = TRUE;
            }
          else if (c == ',')
            {
              end_field (self);
              state = FIELD_START;
            }
          else
            failure = DESK_CSV_ERROR_BAD_QUOTE;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (!record_started)
    return FALSE;

  if (failure < 0 && in_quotes)
    failure = DESK_CSV_ERROR_UNTERMINATED_QUOTE;

  switch (failure)
    {
    case -1:
      break;
    case DESK_CSV_ERROR_TOO_LONG:
      g_set_error (error, DESK_CSV_ERROR, failure,
                   _("the record is longer than %u bytes"), (guint) DESK_CSV_MAX_RECORD_BYTES);
      return FALSE;
    case DESK_CSV_ERROR_NUL:
      g_set_error_literal (error, DESK_CSV_ERROR, failure,
                           _("the record holds a NUL byte (binary data)"));
      return FALSE;
    case DESK_CSV_ERROR_BAD_QUOTE:
      g_set_error_literal (error, DESK_CSV_ERROR, failure,
                           _("a quoted field is followed by text before the next comma"));
      return FALSE;
    case DESK_CSV_ERROR_UNTERMINATED_QUOTE:
      g_set_error_literal (error, DESK_CSV_ERROR, failure,
                           _("a quoted field is never closed"));
      return FALSE;
    default:
      g_assert_not_reached ();
    }

  /* The last field: also an empty one after a trailing comma */
  if (state == FIELD_START)
    begin_field (self);
  end_field (self);

  return decode_record (self, error);
}

/**
 * desk_csv_reader_next:
 *
 * Reads the next record. Returns %FALSE at the end of the file, with @error unset, or when the
 * record is bad, with @error telling why (desk_csv_reader_get_line() tells where); see
 * desk_csv_error_is_fatal(). Only a record read has fields.
 */
gboolean
desk_csv_reader_next (DeskCsvReader  *self,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_return_val_if_fail (DESK_IS_CSV_READER (self), FALSE);

  if (self->failed)
    return FALSE;
  if (!self->started && !start (self, cancellable, error))
    return FALSE;

  if (!read_record (self, cancellable, error))
    {
      /* Not the fields of a bad record, half converted, nor those of one cut short */
      g_array_set_size (self->raw_starts, 0);
      return FALSE;
    }

  return TRUE;
}

/* }}} */
/* Accessors {{{ */

guint
desk_csv_reader_get_n_fields (DeskCsvReader *self)
{
  g_return_val_if_fail (DESK_IS_CSV_READER (self), 0);

  return self->raw_starts->len;
}

/**
 * desk_csv_reader_get_field:
 *
 * Returns: (transfer none): field @index of the current record, in UTF-8, valid until the next
 *   call to desk_csv_reader_next(); the caller may change it in place, e.g. strip it
 */
char *
desk_csv_reader_get_field (DeskCsvReader *self,
                           guint          index)
{
  g_return_val_if_fail (DESK_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (index < self->raw_starts->len, NULL);

  if (self->encoding == DESK_CSV_ENCODING_CP932)
    return (char *) self->text->data + g_array_index (self->text_starts, guint, index);

  return (char *) self->raw->data + g_array_index (self->raw_starts, guint, index);
}

/**
 * desk_csv_reader_get_line:
 *
 * Returns: the line the current (or last bad) record starts on, from 1
 */
guint64
desk_csv_reader_get_line (DeskCsvReader *self)
{
  g_return_val_if_fail (DESK_IS_CSV_READER (self), 0);

  return self->record_line;
}

guint64
desk_csv_reader_get_bytes_read (DeskCsvReader *self)
{
  g_return_val_if_fail (DESK_IS_CSV_READER (self), 0);

  return self->block_offset + self->block_pos;
}

/**
 * desk_csv_reader_get_encoding:
 *
 * Returns: the encoding the file is read in: the one given, or the one found once the first
 *   record has been read
 */
DeskCsvEncoding
desk_csv_reader_get_encoding (DeskCsvReader *self)
{
  g_return_val_if_fail (DESK_IS_CSV_READER (self), DESK_CSV_ENCODING_AUTO);

  return self->encoding;
}

/* }}} */
