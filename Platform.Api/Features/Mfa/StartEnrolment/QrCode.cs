using QRCoder;

namespace Platform.Api.Features.Mfa.StartEnrolment;

/// <summary>The key URI as a QR code, rendered as PNG without System.Drawing (which is Windows-only).</summary>
internal static class QrCode
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule: 5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
