/**
 * Web plumbing shared by every API: the error responses (RFC 9457 problem details that name the bad
 * field and say what is allowed), paging, and request-body parsing.
 */
package dev.tunelab.web;
