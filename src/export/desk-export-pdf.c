/* desk-export-pdf.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* PDF: the pages of a DeskDocument, drawn by Cairo into a PDF on a stream, with the document's
 * title and the report's sections as bookmarks. */

#define G_LOG_DOMAIN "desk-export-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "desk-document.h"
#include "desk-export-private.h"
#include "desk-time.h"

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Output;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Output *output = closure;

  if (output->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (output->stream, data, length, NULL, output->cancellable,
                                  &output->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (DeskReport      *report,
              cairo_surface_t *surface)
{
  g_autofree char *title = g_strdup_printf ("%s: %s", report->title, report->incident_title);
  g_autofree char *created = desk_time_format_iso_in_zone (report->exported_at, report->zone);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, report->incident_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Incident Desk " PACKAGE_VERSION);
  if (created != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

gboolean
_desk_export_write_pdf (DeskReport     *report,
                        DeskPaper       paper,
                        GOutputStream  *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(DeskDocument) document = NULL;
  Output output = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;

  desk_document_get_page_size (report, paper, &width, &height);
  document = desk_document_new (report, width, height);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &output, width, height);
  set_metadata (report, surface);
  cr = cairo_create (surface);

  for (guint i = 0; i < desk_document_get_n_pages (document) && output.error == NULL; i++)
    {
      desk_document_draw_page (document, cr, i);
      cairo_show_page (cr);
    }

  for (guint i = 0; i < desk_document_get_n_bookmarks (document); i++)
    {
      g_autofree char *link = NULL;
      const char *title;
      guint page;
      double x, y;

      title = desk_document_get_bookmark (document, i, &page, &x, &y);
      link = g_strdup_printf ("page=%u pos=[%d %d]", page, (int) x, (int) y);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (output.error != NULL)
    {
      g_propagate_error (error, output.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DESK_EXPORT_ERROR, DESK_EXPORT_ERROR_FAILED,
                   _("Could not draw the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
