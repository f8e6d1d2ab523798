/* desk-export.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writing a report in one of the export formats, to a stream or to a file. A file is written
 * whole under a temporary name next to it and renamed over the target only once complete, so
 * that a failed export (a full disk, a cancelled one) never leaves half a file where a good one
 * was. */

#define G_LOG_DOMAIN "desk-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-export-private.h"

/* Temporary names tried before giving up: only clashes with leftovers make one fail. */
#define TEMP_ATTEMPTS 16

G_DEFINE_QUARK (desk-export-error-quark, desk_export_error)

/* Helpers {{{ */

/* Returns: (transfer full): an unused temporary file next to @file, created empty */
static GFileOutputStream *
create_temporary (GFile             *file,
                  GFileCreateFlags   flags,
                  GFile            **temporary,
                  GCancellable      *cancellable,
                  GError           **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is not a file name"));
      return NULL;
    }

  for (guint i = 0; i < TEMP_ATTEMPTS; i++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x", basename, g_random_int ());
      g_autoptr(GFile) candidate = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      stream = g_file_create (candidate, flags, cancellable, &local_error);
      if (stream != NULL)
        {
          *temporary = g_steal_pointer (&candidate);
          return stream;
        }

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || i + 1 == TEMP_ATTEMPTS)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_assert_not_reached ();
}

/* Returns: (transfer none): why saving failed, in the words of someone choosing where to save */
static const char *
failure_reason (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_PERMISSION_DENIED:
        return _("you may not write in that folder");
      case G_IO_ERROR_NOT_FOUND:
      case G_IO_ERROR_NOT_DIRECTORY:
        return _("the folder does not exist");
      case G_IO_ERROR_NO_SPACE:
        return _("the disk is full");
      case G_IO_ERROR_READ_ONLY:
        return _("the disk is read-only");
      default:
        break;
      }

  return error->message;
}

typedef struct
{
  DeskReport       *report;
  DeskExportFormat  format;
  DeskPaper         paper;
} Export;

static gboolean
write_report (GOutputStream  *stream,
              gpointer        data,
              GCancellable   *cancellable,
              GError        **error)
{
  Export *export = data;

  return desk_export_write (export->report, export->format, export->paper, stream, cancellable,
                            error);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_export_write:
 * @report: what to write
 * @paper: the paper a PDF is laid out on and HTML is printed on; the other formats ignore it
 * @stream: where to write; it is left open
 *
 * Writes @report in @format to @stream.
 *
 * Returns: whether it was written; %FALSE with @error set if the stream failed
 */
gboolean
desk_export_write (DeskReport        *report,
                   DeskExportFormat   format,
                   DeskPaper          paper,
                   GOutputStream     *stream,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
    case DESK_EXPORT_FORMAT_PDF:
      return _desk_export_write_pdf (report, paper, stream, cancellable, error);
    case DESK_EXPORT_FORMAT_MARKDOWN:
      return _desk_export_write_markdown (report, stream, cancellable, error);
    case DESK_EXPORT_FORMAT_HTML:
      return _desk_export_write_html (report, paper, stream, cancellable, error);
    case DESK_EXPORT_FORMAT_CSV:
      return _desk_export_write_csv (report, stream, cancellable, error);
    case DESK_EXPORT_FORMAT_JSON:
      return _desk_export_write_json (report, stream, cancellable, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * desk_export_save:
 * @file: the file to write; one already there is replaced
 *
 * Writes @report in @format to @file, atomically: @file either keeps what it held or holds the
 * whole export. The error message names @file.
 *
 * Returns: whether @file was written
 */
gboolean
desk_export_save (DeskReport        *report,
                  DeskExportFormat   format,
                  DeskPaper          paper,
                  GFile             *file,
                  GCancellable      *cancellable,
                  GError           **error)
{
  Export export = { report, format, paper };

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _desk_export_save_atomically (file, G_FILE_CREATE_NONE, write_report, &export,
                                       cancellable, error);
}

/* Returns: whether @format is text, which can go to a terminal or the clipboard */
gboolean
desk_export_is_text (DeskExportFormat format)
{
  return format != DESK_EXPORT_FORMAT_PDF;
}

/* Returns: (transfer full): @text fit for a file name: characters that file systems refuse or
 *   shells read (/ \ : * ? " < > | and control characters) become spaces, runs of spaces one,
 *   it is cut to @max_chars characters, and loses the dots and spaces at either end and a
 *   leading dash (a hidden file, a name Windows refuses, an option to a command) */
static char *
file_name_part (const char *text,
                guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) part = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = valid; *p != '\0' && n_chars < max_chars; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
          c == '>' || c == '|' || g_unichar_iscntrl (c) || g_unichar_isspace (c))
        c = ' ';
      if (c == ' ' && (part->len == 0 || part->str[part->len - 1] == ' '))
        continue;

      g_string_append_unichar (part, c);
      n_chars++;
    }

  while (part->len > 0 && (part->str[part->len - 1] == ' ' || part->str[part->len - 1] == '.'))
    g_string_truncate (part, part->len - 1);
  while (part->len > 0 && (part->str[0] == '.' || part->str[0] == '-' || part->str[0] == ' '))
    g_string_erase (part, 0, 1);

  return g_string_free (g_steal_pointer (&part), FALSE);
}

/**
 * desk_export_file_name:
 * @incident_title: the incident's title
 * @subject: what is exported, e.g. "Incident status report", or a checklist's title
 * @exported_at: when, in seconds since the epoch: its local day goes into the name
 * @format: the format, whose nick is the extension
 *
 * Returns: (transfer full): a name to suggest for the file of an export, e.g.
 *   "Webmail intrusion - Incident status report - 2026-04-14.pdf", without the characters file
 *   systems refuse, and not too long for them
 */
char *
desk_export_file_name (const char       *incident_title,
                       const char       *subject,
                       gint64            exported_at,
                       DeskExportFormat  format)
{
  g_autoptr(GEnumClass) formats = g_type_class_ref (DESK_TYPE_EXPORT_FORMAT);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (exported_at);
  g_autofree char *title = file_name_part (incident_title ? incident_title : "", 60);
  g_autofree char *what = file_name_part (subject ? subject : "", 40);
  g_autofree char *day = when ? g_date_time_format (when, "%Y-%m-%d") : NULL;
  GEnumValue *extension = g_enum_get_value (formats, format);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (extension != NULL, NULL);

  if (*title != '\0')
    g_ptr_array_add (parts, title);
  if (*what != '\0')
    g_ptr_array_add (parts, what);
  if (day != NULL)
    g_ptr_array_add (parts, day);
  g_ptr_array_add (parts, NULL);
  name = g_strjoinv (" - ", (char **) parts->pdata);

  return g_strdup_printf ("%s.%s", *name != '\0' ? name : "export", extension->value_nick);
}

/* }}} */
/* Private API {{{ */

/**
 * _desk_export_save_atomically:
 * @flags: how the file is created; %G_FILE_CREATE_PRIVATE for what only its owner may read
 * @write: writes the export to the stream it is given
 *
 * Has @write write @file, atomically: @file either keeps what it held or holds the whole
 * export. The error message names @file.
 *
 * Returns: whether @file was written
 */
gboolean
_desk_export_save_atomically (GFile                *file,
                              GFileCreateFlags      flags,
                              DeskExportWriteFunc   write,
                              gpointer              data,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  if ((stream = create_temporary (file, flags, &temporary, cancellable, &local_error)) != NULL)
    {
      gboolean written;

      written = write (G_OUTPUT_STREAM (stream), data, cancellable, &local_error);
      /* Close even after a failure, to release the file; the first error is the one to tell. */
      if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable,
                                  written ? &local_error : NULL))
        written = FALSE;
      /* No fallback to copying: a rename is what makes the replacement atomic. */
      if (!written ||
          !g_file_move (temporary, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                        cancellable, NULL, NULL, &local_error))
        g_file_delete (temporary, NULL, NULL);
    }

  if (local_error == NULL)
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* GIO's message would name the temporary file. */
  name = g_file_get_parse_name (file);
  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: a file name, then why it could not be written */
               _("Could not save “%s”: %s"), name, failure_reason (local_error));
  return FALSE;
}

/* Writes @buffer to @stream and empties it, once it holds a chunk's worth or when @all is set. */
gboolean
_desk_export_flush (GOutputStream  *stream,
                    GString        *buffer,
                    gboolean        all,
                    GCancellable   *cancellable,
                    GError        **error)
{
  if (buffer->len == 0 || (!all && buffer->len < DESK_EXPORT_CHUNK_SIZE))
    return TRUE;

  if (!g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;

  g_string_truncate (buffer, 0);
  return TRUE;
}

/* Returns: (transfer full): the language of the documents' words, as a BCP 47 tag */
char *
_desk_export_language (void)
{
  /* Translators: the BCP 47 tag of your language, e.g. "ja" or "pt-BR": exported documents
   * declare it, so that viewers pick the right fonts for it */
  return g_strdup (C_("language tag", "en"));
}

/* }}} */
