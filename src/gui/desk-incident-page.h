/* desk-incident-page.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_INCIDENT_PAGE (desk_incident_page_get_type())

G_DECLARE_DERIVABLE_TYPE (DeskIncidentPage, desk_incident_page, DESK, INCIDENT_PAGE, AdwBin)

struct _DeskIncidentPageClass
{
  AdwBinClass parent_class;

  /* Called when the store or the incident changed, or when the page should read them again
   * (desk_incident_page_reload()); the incident may be NULL. Requests bracket themselves with
   * begin_loading()/end_loading(); a request that ends cancelled returns without calling
   * end_loading(), since the restart that cancelled it already reset the count. */
  void (*reload) (DeskIncidentPage *self);
};

DeskStore     *desk_incident_page_get_store        (DeskIncidentPage *self);
void           desk_incident_page_set_store        (DeskIncidentPage *self,
                                                    DeskStore        *store);
DeskIncident  *desk_incident_page_get_incident     (DeskIncidentPage *self);
void           desk_incident_page_set_incident     (DeskIncidentPage *self,
                                                    DeskIncident     *incident);
gint64         desk_incident_page_get_incident_id  (DeskIncidentPage *self);
GCancellable  *desk_incident_page_get_cancellable  (DeskIncidentPage *self);
void           desk_incident_page_reload           (DeskIncidentPage *self);
gboolean       desk_incident_page_is_loading       (DeskIncidentPage *self);
void           desk_incident_page_begin_loading    (DeskIncidentPage *self);
void           desk_incident_page_end_loading      (DeskIncidentPage *self);

G_END_DECLS
