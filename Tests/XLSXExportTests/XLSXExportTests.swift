import Testing

@testable import XLSXExport
