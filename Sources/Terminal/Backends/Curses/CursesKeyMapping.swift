import CNcursesw

/// Translates what `wget_wch` returns into `Key`s.
enum CursesKeyMapping {
    /// The key for a `wget_wch` result: `status` is `OK` for a character or `KEY_CODE_YES` for a
    /// special key in `code`; nil for `ERR` (timeout) and unknown codes.
    static func key(status: Int32, code: UInt32) -> Key? {
        if status == fer_key_code_yes() { return specialKey(Int32(bitPattern: code)) }
        guard status == fer_ok() else { return nil }
        return characterKey(code)
    }

    static func characterKey(_ code: UInt32) -> Key? {
        switch code {
        case 3: return .interrupt
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            guard let letter = Unicode.Scalar(code + 96) else { return nil }
            return .control(Character(letter))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The buttons fer listens to: left press and click, and the wheel.
    static var mouseMask: mmask_t {
        fer_button1_pressed() | fer_button1_clicked() | fer_wheel_up() | fer_wheel_down()
    }

    /// The key for a mouse report (`getmouse`): nil for buttons fer does not use.
    static func mouseKey(buttons: mmask_t, x: Int32, y: Int32) -> Key? {
        let kind: MouseEvent.Kind
        if buttons & fer_wheel_up() != 0 {
            kind = .wheelUp
        } else if buttons & fer_wheel_down() != 0 {
            kind = .wheelDown
        } else if buttons & (fer_button1_pressed() | fer_button1_clicked()) != 0 {
            kind = .press
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind, x: Int(x), y: Int(y)))
    }

    static func specialKey(_ code: Int32) -> Key? {
        switch code {
        case fer_key_up(): return .up
        case fer_key_down(): return .down
        case fer_key_left(): return .left
        case fer_key_right(): return .right
        case fer_key_ppage(): return .pageUp
        case fer_key_npage(): return .pageDown
        case fer_key_home(): return .home
        case fer_key_end(): return .end
        case fer_key_enter(): return .enter
        case fer_key_backspace(): return .backspace
        case fer_key_btab(): return .backTab
        case fer_key_dc(): return .delete
        case fer_key_ic(): return .insert
        case fer_key_resize(): return .resize
        case (fer_key_f0() + 1)...(fer_key_f0() + 24): return .function(Int(code - fer_key_f0()))
        default: return nil
        }
    }
}
