package io.docflow.extract.isolation;

/**
 * One page of a scan to render to a PNG for OCR (see {@link io.docflow.ocr.PageRenderer}); the worker answers with a
 * {@link io.docflow.ocr.PageRenderer.RenderedPage}.
 */
record RenderRequest(String document, String contentType, int page, int dpi, long maxPixels,
                     io.docflow.ocr.PageRenderer.Preparation preparation, String png) implements WorkerRequest {
}
