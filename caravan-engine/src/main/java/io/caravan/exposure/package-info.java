/**
 * Exposure of routes to disruptions: which active hazard and political events touch the places a route
 * passes, at the times it passes them, and how strongly. Shared by the logistics, political and natural
 * capabilities, so that one typhoon is one shock to all of them.
 */
package io.caravan.exposure;
