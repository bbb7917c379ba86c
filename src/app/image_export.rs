//! A part of the window as a PNG file: what a chart's "PNG…" button saves.
//!
//! eframe takes a screenshot of the whole window (in physical pixels);
//! this crops the chart's rectangle (in points) out of it and encodes it.

use eframe::egui;

use crate::i18n::catalogue::shell;

/// Crops `rect` (in points) out of a window screenshot and encodes it as
/// PNG. `pixels_per_point` converts points to the screenshot's pixels.
pub fn crop_to_png(
    screenshot: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
) -> Result<Vec<u8>, String> {
    let [width, height] = screenshot.size;
    let to_pixels =
        |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let left = to_pixels(rect.left(), width);
    let right = to_pixels(rect.right(), width);
    let top = to_pixels(rect.top(), height);
    let bottom = to_pixels(rect.bottom(), height);
    if right <= left || bottom <= top {
        return Err(shell::CHART_OFF_SCREEN.with(&[
            ("rect", &format!("{rect:?}")),
            ("width", &width),
            ("height", &height),
        ]));
    }
    let mut rgba = Vec::with_capacity((right - left) * (bottom - top) * 4);
    for y in top..bottom {
        let row = y * width;
        let pixels = screenshot
            .pixels
            .get(row + left..row + right)
            .ok_or_else(|| shell::SCREENSHOT_TOO_SMALL.text().to_owned())?;
        for pixel in pixels {
            rgba.extend_from_slice(&pixel.to_srgba_unmultiplied());
        }
    }
    let mut bytes = Vec::new();
    let out_width = u32::try_from(right - left).map_err(|e| e.to_string())?;
    let out_height = u32::try_from(bottom - top).map_err(|e| e.to_string())?;
    let mut encoder = png::Encoder::new(&mut bytes, out_width, out_height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder
        .write_header()
        .map_err(|e| shell::CANNOT_ENCODE_IMAGE.with(&[("error", &e)]))?;
    writer
        .write_image_data(&rgba)
        .map_err(|e| shell::CANNOT_ENCODE_IMAGE.with(&[("error", &e)]))?;
    writer
        .finish()
        .map_err(|e| shell::CANNOT_ENCODE_IMAGE.with(&[("error", &e)]))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 20×10 screenshot at 2 pixels per point: the left half red, the
    /// right half blue. Cropping the right half in points gives a 10×10
    /// blue PNG.
    #[test]
    fn crops_the_rectangle_in_points_and_encodes_it() {
        let mut image = egui::ColorImage::filled([20, 10], egui::Color32::RED);
        for y in 0..10 {
            for x in 10..20 {
                image.pixels[y * 20 + x] = egui::Color32::BLUE;
            }
        }
        let rect = egui::Rect::from_min_max(egui::pos2(5.0, 0.0), egui::pos2(10.0, 5.0));
        let bytes = crop_to_png(&image, rect, 2.0).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((info.width, info.height), (10, 10));
        assert!(pixels.chunks(4).all(|p| p == [0, 0, 255, 255]));
    }

    #[test]
    fn a_rectangle_off_screen_is_refused() {
        let image = egui::ColorImage::filled([20, 10], egui::Color32::RED);
        let rect = egui::Rect::from_min_max(egui::pos2(50.0, 50.0), egui::pos2(60.0, 60.0));
        assert!(crop_to_png(&image, rect, 1.0).is_err());
    }
}
